// One backup at a time per BACKUP_DIR: an hourly job whose run takes longer than an hour must not start a second
// copy beside the first. The lock is a file naming the holder's pid; one whose process is gone is taken over.
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning } from '../dev/processes';

export class BackupRunningError extends Error {
  override name = 'BackupRunningError';
}

export function takeBackupLock(dir: string): () => void {
  const file = join(dir, '.backup.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) throw new BackupRunningError(`another backup is running into ${dir} (pid ${pid}, lock file ${file}); this one does not start`);
      rmSync(file, { force: true }); // its process is gone: a crashed run
    }
  }
  throw new BackupRunningError(`could not take the lock ${file}`);
}
