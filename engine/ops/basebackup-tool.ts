// The backup of a server whose data folder is not on this machine: PostgreSQL's own pg_basebackup, over the
// replication protocol, WAL streamed beside the copy (-X stream) so the result is complete on its own. It must be
// of the server's major version or newer (an older one refuses the server: "incompatible server version"), and
// that is checked before anything starts, naming what was found where.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { MissingToolError } from '../dev/tools';

const run = promisify(execFile);

export interface BasebackupTool {
  path: string;
  /** As the program says it: "15.18". */
  version: string;
  major: number;
}

/** pg_basebackup on PATH and its version, or undefined when there is none. */
export async function findPgBasebackup(path = process.env.PATH ?? ''): Promise<BasebackupTool | undefined> {
  const found = path
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'pg_basebackup'))
    .find((candidate) => existsSync(candidate));
  if (!found) return undefined;
  const { stdout } = await run(found, ['--version']);
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout);
  if (!m) throw new Error(`${found} --version answered ${JSON.stringify(stdout.trim())}: no PostgreSQL version in it`);
  return { path: found, version: m[2] ? `${m[1]}.${m[2]}` : m[1]!, major: Number(m[1]) };
}

/** The tool when it can back up a server of `serverMajor`; else a MissingToolError saying what is needed and what was found. */
export function assertBasebackupFits(tool: BasebackupTool | undefined, server: { major: number; version: string }, why: string): BasebackupTool {
  const needed = `pg_basebackup ${server.major} or newer is needed for this PostgreSQL ${server.major} server (${server.version}) ${why}`;
  const how = `Install PostgreSQL ${server.major}'s client programs (e.g. apt-get install postgresql-client-${server.major} from apt.postgresql.org) and put them first on PATH, or run \`npm run backup\` on the database server's machine.`;
  if (!tool) throw new MissingToolError(`${needed}; there is no pg_basebackup on PATH. ${how}`);
  if (tool.major < server.major) throw new MissingToolError(`${needed}; found ${tool.version} at ${tool.path}. ${how}`);
  return tool;
}

export interface BasebackupResult {
  startLsn: string;
  stopLsn: string;
}

/** A plain-format copy with its WAL into `into` (the same layout the copy method makes), checkpoint at once. */
export async function runPgBasebackup(tool: BasebackupTool, opts: { ownerUrl: string; into: string; label: string; log: (line: string) => void }): Promise<BasebackupResult> {
  opts.log(`pg_basebackup ${tool.version} (${tool.path}) copying the server over the replication protocol…`);
  try {
    await run(tool.path, ['--dbname', opts.ownerUrl, '--pgdata', opts.into, '--format=plain', '--wal-method=stream', '--checkpoint=fast', '--label', opts.label, '--no-password'], { maxBuffer: 16 * 1048576 });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`pg_basebackup failed: ${(e.stderr || e.message).trim()}`, { cause: err });
  }
  return walRange(join(opts.into, 'backup_manifest'));
}

/** Start and end LSN from the backup_manifest pg_basebackup writes (PostgreSQL 13 and later). */
function walRange(manifestFile: string): BasebackupResult {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { 'WAL-Ranges'?: { 'Start-LSN': string; 'End-LSN': string }[] };
  const ranges = manifest['WAL-Ranges'] ?? [];
  if (ranges.length === 0) throw new Error(`${manifestFile} names no WAL range`);
  return { startLsn: ranges[0]!['Start-LSN'], stopLsn: ranges.at(-1)!['End-LSN'] };
}
