// For command-line tools (audit:verify, migrate): the owner URL of DATABASE_URL, or of the embedded server —
// the one `npm start` is running, or one started just for the tool.
import type { Config } from '../config';
import { createSequelize } from '../db/database';
import { createDatabaseIfMissing } from '../db/prepare';
import { startEmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE = 'tingvalla';

export async function ownerConnection(config: Config): Promise<{ url: string; stop: () => Promise<void> }> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => undefined };
  const server = `postgres://postgres:tingvalla-embedded@127.0.0.1:${config.EMBEDDED_PG_PORT}`;
  const probe = createSequelize(`${server}/postgres`);
  const running = await probe.query('SELECT 1').then(
    () => true,
    () => false,
  );
  await probe.close();
  if (running) {
    await createDatabaseIfMissing(`${server}/postgres`, EMBEDDED_DATABASE);
    return { url: `${server}/${EMBEDDED_DATABASE}`, stop: async () => undefined };
  }
  const pg = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
  await createDatabaseIfMissing(pg.ownerUrl('postgres'), EMBEDDED_DATABASE);
  return { url: pg.ownerUrl(EMBEDDED_DATABASE), stop: () => pg.stop() };
}
