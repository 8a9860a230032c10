// `npm run migrate [-- down]`: runs pending migrations as the owner (npm start does this too), or undoes the last one.
import { loadConfig } from '../engine/config';
import { createSequelize } from '../engine/db/database';
import { createMigrator } from '../engine/db/migrator';
import { prepareDatabase } from '../engine/db/prepare';
import { ownerConnection } from '../engine/dev/owner-connection';

async function main(): Promise<void> {
  const config = loadConfig();
  const conn = await ownerConnection(config);
  try {
    if (process.argv[2] === 'down') {
      const owner = createSequelize(conn.url);
      const undone = await createMigrator(owner).down();
      console.log(undone.length ? `undid ${undone.map((m) => m.name).join(', ')}` : 'nothing to undo');
      await owner.close();
    } else {
      await prepareDatabase({ ownerUrl: conn.url, appPassword: config.DATABASE_APP_PASSWORD });
      console.log('database is up to date');
    }
  } finally {
    await conn.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
