// A pino destination writing JSON lines into one file per UTC day (LOG_DIR/tingvalla-YYYY-MM-DD.log). Each
// day's file is a sonic-boom stream made by pino.destination — pino's own file writer, which also flushes what
// is buffered when the process exits. The file itself is opened synchronously (once a day): a process that
// exits right after starting must find it open, or that flush throws. The day is checked on every line: the
// first line after midnight opens the next day's file (the previous one writes what it still buffers, then
// closes) and deletes the files older than the retention, which happens at start too.
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { dayFileName, nextUtcMidnight, utcDay, type Day } from './log-files';
import { deleteExpiredDayFiles } from './retention';

type DayStream = ReturnType<typeof pino.destination>;

export interface DailyFileOptions {
  dir: string;
  retentionDays: number;
  /** The clock. Tests move it past midnight instead of waiting for one. */
  now?: () => number;
  /** Write each line before write() returns (tests read the files at once); by default sonic-boom buffers. */
  sync?: boolean;
  /** Problems with the files: they cannot go into the log they are about. Default: stderr. */
  onProblem?: (message: string) => void;
}

/** An idle process (a quiet worker) writes no line to roll on; this check rolls, and so purges, anyway. */
const IDLE_ROLL_CHECK_MS = 60 * 60 * 1000;
/** When the next day's file cannot be opened, lines stay in the current one and the roll is tried again after this. */
const ROLL_RETRY_MS = 60 * 1000;

export class DailyFileDestination {
  private readonly now: () => number;
  private readonly onProblem: (message: string) => void;
  private stream: DayStream;
  private day: Day;
  private rollAt: number;
  private readonly idleCheck: NodeJS.Timeout;
  private ended: Promise<void> | undefined;

  constructor(private readonly opts: DailyFileOptions) {
    this.now = opts.now ?? Date.now;
    this.onProblem = opts.onProblem ?? ((message) => process.stderr.write(`[tingvalla log files] ${message}\n`));
    // Opening throws here, at start, when the folder cannot be written: createLogger names LOG_DIR.
    const now = this.now();
    this.day = utcDay(now);
    this.rollAt = nextUtcMidnight(now);
    this.stream = this.open(this.day);
    this.deleteExpired(now);
    this.idleCheck = setInterval(() => this.rollIfDue(), IDLE_ROLL_CHECK_MS).unref();
  }

  /** The file lines go to now. */
  get path(): string {
    return join(this.opts.dir, dayFileName(this.day));
  }

  write(line: string): boolean {
    this.rollIfDue();
    return this.stream.write(line);
  }

  flushSync(): void {
    this.stream.flushSync();
  }

  /** Writes what is buffered and closes the file; nothing may be written after. */
  end(): Promise<void> {
    clearInterval(this.idleCheck);
    return (this.ended ??= endStream(this.stream));
  }

  private rollIfDue(): void {
    const now = this.now();
    if (now < this.rollAt) return; // a clock set back keeps the current file rather than reopening an old day
    const day = utcDay(now);
    let next: DayStream;
    try {
      next = this.open(day);
    } catch (err) {
      this.rollAt = now + ROLL_RETRY_MS;
      this.onProblem(`cannot open ${dayFileName(day)}, writing on into ${dayFileName(this.day)}: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    void endStream(this.stream);
    this.stream = next;
    this.day = day;
    this.rollAt = nextUtcMidnight(now);
    this.deleteExpired(now);
  }

  private open(day: Day): DayStream {
    mkdirSync(this.opts.dir, { recursive: true }); // again at each roll: the folder may have been removed
    const fd = openSync(join(this.opts.dir, dayFileName(day)), 'a');
    const stream = pino.destination({ dest: fd, sync: this.opts.sync ?? false });
    // Without a listener a write error (disk full) would crash the process; stdout still carries every line.
    stream.on('error', (err: Error) => this.onProblem(`cannot write ${dayFileName(day)}: ${err.message}`));
    return stream;
  }

  private deleteExpired(now: number): void {
    deleteExpiredDayFiles(this.opts.dir, this.opts.retentionDays, now, (path, err) => this.onProblem(`cannot delete ${path}: ${err instanceof Error ? err.message : String(err)}`));
  }
}

function endStream(stream: DayStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once('close', () => resolve());
    stream.end();
  });
}
