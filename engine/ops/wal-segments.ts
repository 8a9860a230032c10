// The WAL a base backup needs: every segment from the one holding the backup's start (its checkpoint's redo
// point) to the one holding the end-of-backup record. Replay from the first to past the last brings the copied,
// possibly torn files to one consistent moment; without them the copy is not a backup.
import { readdir } from 'node:fs/promises';

/** An LSN as PostgreSQL prints it ("16/B374D848") as a number of bytes. */
export function parseLsn(lsn: string): bigint {
  const m = /^([0-9A-F]+)\/([0-9A-F]+)$/i.exec(lsn.trim());
  if (!m) throw new Error(`not an LSN: ${lsn}`);
  return (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`);
}

const hex8 = (n: bigint) => n.toString(16).toUpperCase().padStart(8, '0');

/** The segment file's name: timeline, then the segment number split at 4 GB, as in xlog_internal.h (XLogFileName). */
export function segmentName(timeline: number, segno: bigint, segmentBytes: number): string {
  const perId = 0x100000000n / BigInt(segmentBytes);
  return `${hex8(BigInt(timeline))}${hex8(segno / perId)}${hex8(segno % perId)}`;
}

/**
 * Names of the segments from `start`'s to the one holding the byte before `stop` (pg_backup_stop returns the end of
 * its end-of-backup record, which may fall exactly on a segment's boundary).
 */
export function segmentsBetween(timeline: number, start: string, stop: string, segmentBytes: number): string[] {
  const size = BigInt(segmentBytes);
  const first = parseLsn(start) / size;
  const last = (parseLsn(stop) - 1n) / size;
  if (last < first) throw new Error(`the backup's stop ${stop} lies before its start ${start}`);
  const names: string[] = [];
  for (let segno = first; segno <= last; segno++) names.push(segmentName(timeline, segno, segmentBytes));
  return names;
}

/** The timeline history files in a pg_wal folder: recovery reads the one of the backup's timeline when it is not 1. */
export async function historyFiles(walDir: string): Promise<string[]> {
  return (await readdir(walDir)).filter((f) => /^[0-9A-F]{8}\.history$/.test(f));
}

/** "START TIMELINE: 1" of a backup label. */
export function labelTimeline(labelFile: string): number {
  const m = /^START TIMELINE: (\d+)$/m.exec(labelFile);
  if (!m) throw new Error(`the backup label names no START TIMELINE:\n${labelFile}`);
  return Number(m[1]);
}
