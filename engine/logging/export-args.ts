// The arguments of `npm run logs:export -- <tenant slug or id> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out file]`.
import type { DayRange } from './export-tenant-lines';
import { isDay } from './log-files';

export const exportUsage = 'usage: npm run logs:export -- <tenant slug or id> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out file]';

/** A mistake in how the command was called: told with the usage, exit code 2. */
export class ExportUsageError extends Error {}

export interface ExportArgs {
  /** A tenant's slug or id, as given. */
  tenant: string;
  range: DayRange;
  out?: string;
}

export function parseExportArgs(argv: readonly string[]): ExportArgs {
  let tenant: string | undefined;
  let out: string | undefined;
  const range: DayRange = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--from' || arg === '--to' || arg === '--out') {
      const value = argv[++i];
      if (!value) throw new ExportUsageError(`${arg} needs a value`);
      if (arg === '--out') out = value;
      else if (!isDay(value)) throw new ExportUsageError(`${arg} ${value}: not a day written YYYY-MM-DD`);
      else range[arg === '--from' ? 'from' : 'to'] = value;
    } else if (arg.startsWith('--') || tenant !== undefined) {
      throw new ExportUsageError(`unexpected ${arg}`);
    } else {
      tenant = arg;
    }
  }
  if (!tenant) throw new ExportUsageError('which tenant? Give its slug or id');
  if (range.from && range.to && range.from > range.to) throw new ExportUsageError(`--from ${range.from} is after --to ${range.to}`);
  return { tenant, range, ...(out ? { out } : {}) };
}
