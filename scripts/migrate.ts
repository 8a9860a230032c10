// `npm run migrate [-- down]`: runs pending migrations as the owner (npm start does this too), or undoes the last one.
// With TEMPORAL_ADDRESS (a production deployment, before its api and worker roles start) it also registers the
// platform's search attributes in TEMPORAL_NAMESPACE, as npm start does against a server it did not start.
import { loadConfig } from '../engine/config';
import { createSequelize } from '../engine/db/database';
import { createMigrator } from '../engine/db/migrator';
import { prepareDatabase } from '../engine/db/prepare';
import { ownerConnection } from '../engine/dev/owner-connection';
import { Connection } from '@temporalio/client';
import { connectNamingTarget, temporalConnectionOptions } from '../engine/temporal/connection-options';
import { ensureSearchAttributes } from '../engine/temporal/ensure-search-attributes';

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
      if (config.TEMPORAL_ADDRESS) {
        const options = temporalConnectionOptions(config, config.TEMPORAL_ADDRESS);
        const connection = await connectNamingTarget(options, () => Connection.connect(options));
        try {
          await ensureSearchAttributes(connection, config.TEMPORAL_NAMESPACE);
        } finally {
          await connection.close();
        }
        console.log(`search attributes registered in the Temporal namespace ${config.TEMPORAL_NAMESPACE}`);
      }
    }
  } finally {
    await conn.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
