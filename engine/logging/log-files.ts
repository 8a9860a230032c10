// The application log's day files: one per UTC day, named tingvalla-YYYY-MM-DD.log, so a file's name alone
// says which day it holds — retention and the tenant export pick files by name, without opening them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const DAY_FILE = /^tingvalla-(\d{4}-\d{2}-\d{2})\.log$/;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A day as YYYY-MM-DD; UTC, so a file's day does not move with the server's time zone or summer time. */
export type Day = string;

export function utcDay(ms: number): Day {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first millisecond of the next UTC day: when the current file must give way to the next. */
export function nextUtcMidnight(ms: number): number {
  return (Math.floor(ms / DAY_MS) + 1) * DAY_MS;
}

export function dayFileName(day: Day): string {
  return `tingvalla-${day}.log`;
}

/** A real calendar day written YYYY-MM-DD (2025-02-30 is not one). */
export function isDay(text: string): text is Day {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && utcDay(Date.parse(`${text}T00:00:00Z`)) === text;
}

export interface DayFile {
  day: Day;
  path: string;
}

/** The day files in `dir`, oldest first; anything else in the folder is not ours and is left alone. */
export function listDayFiles(dir: string): DayFile[] {
  return readdirSync(dir)
    .map((name) => ({ name, match: DAY_FILE.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map((f) => ({ day: f.match[1]!, path: join(dir, f.name) }))
    .sort((a, b) => a.day.localeCompare(b.day));
}
