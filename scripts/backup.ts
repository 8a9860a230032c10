// `npm run backup [-- --method copy|pg_basebackup]`: one consistent backup of the whole PostgreSQL server
// (Tingvalla's database and Temporal's two beside it) into BACKUP_DIR (DATA_DIR/backups), then backups older
// than BACKUP_RETENTION_DAYS (30) are deleted. The server: DATABASE_URL's, or the embedded one (the running one of
// `npm start` / `stack:cluster`, or started here for the backup). engine/ops/backup.ts says how. Exit 1 on failure.
import { loadConfig } from '../engine/config';
import { ownerConnection } from '../engine/dev/owner-connection';
import { createBackup } from '../engine/ops/backup';
import { backupSettings } from '../engine/ops/settings';

const say = (line: string) => console.log(`[backup] ${line}`);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function methodArgument(): 'auto' | 'copy' | 'pg_basebackup' {
  const i = process.argv.indexOf('--method');
  if (i < 0) return 'auto';
  const method = process.argv[i + 1];
  if (method === 'copy' || method === 'pg_basebackup') return method;
  throw new Error(`--method: copy or pg_basebackup (got ${method ?? 'nothing'})`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const settings = backupSettings(config);
  const method = methodArgument();
  const conn = await ownerConnection(config);
  try {
    const report = await createBackup({ ownerUrl: conn.url, dir: settings.dir, retentionDays: settings.retentionDays, log: say, method });
    const m = report.manifest;
    say(`done in ${seconds(Date.now() - started)}: ${report.archive} (${mb(m.bytes)}, sha256 ${m.sha256.slice(0, 16)}…; manifest ${report.manifestFile})`);
    say(`  PostgreSQL ${m.server.version}, method ${m.method}, WAL ${m.startLsn} to ${m.stopLsn}; databases: ${m.databases.map((d) => `${d.name} ${mb(d.bytes)}`).join(', ')}`);
    say(`  copy ${seconds(report.phases.copyMs)} (the server in backup mode), packing ${seconds(report.phases.packMs)}, checksum ${seconds(report.phases.checksumMs)}`);
    say(report.deleted.length > 0 ? `  retention ${settings.retentionDays} days: deleted ${report.deleted.join(', ')}` : `  retention ${settings.retentionDays} days: nothing to delete`);
  } finally {
    await conn.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[backup] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
