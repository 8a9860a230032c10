// Retention of the day files: a file whose day is more than `retentionDays` days before today's is deleted.
// With 183 days, today's file and the 183 before it are kept — six months of log.
import { rmSync } from 'node:fs';
import { DAY_MS, listDayFiles, utcDay, type Day } from './log-files';

/** The oldest day still kept on `now`'s day. */
export function oldestKeptDay(now: number, retentionDays: number): Day {
  return utcDay(now - retentionDays * DAY_MS);
}

/**
 * Deletes the day files older than the retention and returns their paths. A file that cannot be deleted is
 * reported through `onError` and the rest are still tried: a stuck file must not keep newer ones forever.
 */
export function deleteExpiredDayFiles(dir: string, retentionDays: number, now: number, onError: (path: string, err: unknown) => void = () => undefined): string[] {
  const cutoff = oldestKeptDay(now, retentionDays);
  const deleted: string[] = [];
  for (const file of listDayFiles(dir)) {
    if (file.day >= cutoff) break; // oldest first: the rest are younger
    try {
      rmSync(file.path, { force: true });
      deleted.push(file.path);
    } catch (err) {
      onError(file.path, err);
    }
  }
  return deleted;
}
