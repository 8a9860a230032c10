// The tenant export behind `npm run logs:export`: one municipality's lines of the application log, for its
// SIEM. A line belongs to a tenant when its tenantId field names it (every request line on a tenant's host
// and the lines its handlers write; engine/http/logging.ts). Lines are copied as they are, byte for byte.
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { listDayFiles, type Day } from './log-files';

export interface DayRange {
  /** First day, inclusive (UTC). Unset: the oldest file. */
  from?: Day;
  /** Last day, inclusive (UTC). Unset: today's file. */
  to?: Day;
}

export interface ExportSummary {
  files: number;
  lines: number;
  /** Lines mentioning the tenant that are not JSON (cut short when a process was killed); skipped. */
  unreadable: number;
}

export async function exportTenantLines(dir: string, tenantId: string, range: DayRange, out: Writable): Promise<ExportSummary> {
  const files = listDayFiles(dir).filter((f) => (!range.from || f.day >= range.from) && (!range.to || f.day <= range.to));
  const summary: ExportSummary = { files: files.length, lines: 0, unreadable: 0 };
  for (const file of files) {
    for await (const line of createInterface({ input: createReadStream(file.path, 'utf8'), crlfDelay: Infinity })) {
      // Most lines are another tenant's or none: only those that mention the id at all are parsed.
      if (!line.includes(tenantId)) continue;
      const owner = tenantIdOf(line);
      if (owner === undefined) summary.unreadable += 1;
      if (owner !== tenantId) continue;
      summary.lines += 1;
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
  }
  return summary;
}

/** The line's tenantId; null when it has none, undefined when the line is not a JSON object. */
function tenantIdOf(line: string): string | null | undefined {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const id = (parsed as { tenantId?: unknown }).tenantId;
    return typeof id === 'string' ? id : null;
  } catch {
    return undefined;
  }
}
