// The real parts the platform runs on: PostgreSQL (DATABASE_URL, or an embedded server) and Temporal
// (TEMPORAL_ADDRESS, or the CLI dev server). Used by `npm start`; tests start their own throwaway ones.
// The embedded ones clear what a crashed earlier run left on DATA_DIR before they start, and a watchdog stops
// them if this process dies without stopping them (engine/dev/leftover-*.ts, engine/dev/watchdog.ts).
import { join } from 'node:path';
import type { Config } from './config';
import { startEmbeddedPostgres } from './dev/embedded-postgres';
import { startTemporalDevServer } from './dev/temporal-dev-server';
import { ensureTemporalCli } from './dev/tools';
import { createDatabaseIfMissing } from './db/prepare';
import { EMBEDDED_DATABASE } from './dev/owner-connection';

export interface Services {
  ownerUrl: string;
  temporalAddress: string;
  /** The Web UI's origin: TEMPORAL_UI_URL, else the dev server's when the project started one. */
  temporalUiUrl?: string;
  startedTemporal: boolean;
  stop(): Promise<void>;
}


export async function startServices(config: Config, log: (line: string) => void): Promise<Services> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e: unknown) => log(`while stopping: ${String(e)}`));
  };
  try {
    let ownerUrl = config.DATABASE_URL;
    if (!ownerUrl) {
      const t0 = Date.now();
      const pg = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
      stops.push(() => pg.stop());
      await createDatabaseIfMissing(pg.ownerUrl('postgres'), EMBEDDED_DATABASE);
      ownerUrl = pg.ownerUrl(EMBEDDED_DATABASE);
      log(`PostgreSQL (embedded) on 127.0.0.1:${config.EMBEDDED_PG_PORT} in ${Date.now() - t0} ms`);
    }
    let temporalAddress = config.TEMPORAL_ADDRESS;
    let temporalUiUrl = config.TEMPORAL_UI_URL;
    if (!temporalAddress) {
      const cli = await ensureTemporalCli(config.TOOLS_CACHE_DIR, log);
      const t0 = Date.now();
      const dev = await startTemporalDevServer({
        cli,
        namespace: config.TEMPORAL_NAMESPACE,
        port: config.TEMPORAL_DEV_PORT,
        uiPort: config.TEMPORAL_DEV_UI_PORT,
        dbFile: join(config.DATA_DIR, 'temporal.sqlite'),
        log,
      });
      stops.push(() => dev.stop());
      temporalAddress = dev.address;
      temporalUiUrl ??= dev.uiUrl;
      log(`Temporal dev server on ${dev.address} in ${Date.now() - t0} ms`);
    }
    return { ownerUrl, temporalAddress, temporalUiUrl, startedTemporal: !config.TEMPORAL_ADDRESS, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
