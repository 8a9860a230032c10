// The platform's application log. JSON lines to stdout, as always; with LOG_DIR also into day files there
// (engine/logging/daily-file-destination.ts), kept LOG_RETENTION_DAYS days — the log the operator hands each
// municipality for its SIEM (`npm run logs:export`).
import pino, { type DestinationStream, type Logger } from 'pino';
import { ConfigError, type Config } from '../config';
import { DailyFileDestination, type DailyFileOptions } from './daily-file-destination';

export interface LoggerOptions extends Pick<DailyFileOptions, 'now' | 'sync' | 'onProblem'> {
  /** Where the stdout copy goes instead (tests). */
  stdout?: DestinationStream;
}

export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'LOG_DIR' | 'LOG_RETENTION_DAYS'>, { stdout, ...fileOptions }: LoggerOptions = {}): Logger {
  if (!config.LOG_DIR) return stdout ? pino({ level: config.LOG_LEVEL }, stdout) : pino({ level: config.LOG_LEVEL });
  const files = openDayFiles({ ...fileOptions, dir: config.LOG_DIR, retentionDays: config.LOG_RETENTION_DAYS });
  // The logger's level decides which lines there are; both copies take every line it lets through.
  return pino({ level: config.LOG_LEVEL }, pino.multistream([{ level: 'trace', stream: stdout ?? pino.destination(1) }, { level: 'trace', stream: files }]));
}

function openDayFiles(options: DailyFileOptions): DailyFileDestination {
  try {
    return new DailyFileDestination(options);
  } catch (err) {
    throw new ConfigError([`LOG_DIR: cannot write log files in ${options.dir} (${err instanceof Error ? err.message : String(err)})`]);
  }
}
