// Where backups go and how long they are kept. Read here rather than in schemas/config.schema.json because only
// `npm run backup` and `npm run restore` use them (the platform's processes never do).
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError, rootDir, type Config } from '../config';

export interface BackupSettings {
  /** BACKUP_DIR, by default DATA_DIR/backups. */
  dir: string;
  /** BACKUP_RETENTION_DAYS (30): backups older than this are deleted after a successful new one. */
  retentionDays: number;
}

export const DEFAULT_RETENTION_DAYS = 30;

export function backupSettings(config: Pick<Config, 'DATA_DIR'>, env: NodeJS.ProcessEnv = process.env): BackupSettings {
  const problems: string[] = [];
  const rawDir = env.BACKUP_DIR?.trim();
  const dir = rawDir ? (isAbsolute(rawDir) ? rawDir : resolve(rootDir, rawDir)) : join(config.DATA_DIR, 'backups');
  const rawDays = env.BACKUP_RETENTION_DAYS?.trim();
  const retentionDays = rawDays ? Number(rawDays) : DEFAULT_RETENTION_DAYS;
  if (!/^\d+$/.test(rawDays ?? '30') || !Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3650) {
    problems.push(`BACKUP_RETENTION_DAYS: a whole number of days, 1 to 3650 (got ${JSON.stringify(rawDays)})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { dir, retentionDays };
}
