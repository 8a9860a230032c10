// Packing a backup into one .tar.gz and unpacking it: with the system's tar and gzip (GNU tar or bsdtar, on
// every Linux and macOS), because no tar library is among the project's dependencies and these two are faster
// than one in JavaScript would be. The archive's SHA-256 goes into the manifest; a restore checks it first.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { promisify } from 'node:util';
import { MissingToolError } from '../dev/tools';

const run = promisify(execFile);

async function tar(args: string[], what: string): Promise<void> {
  try {
    await run('tar', args, { maxBuffer: 16 * 1048576 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new MissingToolError(`tar is needed to ${what} and is not on PATH (apt-get install tar gzip)`);
    throw new Error(`tar could not ${what}: ${(e.stderr || e.message).trim()}`, { cause: err });
  }
}

/** `entries` of folder `from` into the gzipped tar `file`. */
export function packTarGz(from: string, entries: string[], file: string): Promise<void> {
  return tar(['-czf', file, '-C', from, ...entries], `pack the backup into ${file}`);
}

/** The archive unpacked into `into` (an existing folder); the files belong to whoever unpacks. */
export function unpackTarGz(file: string, into: string): Promise<void> {
  return tar(['-xzf', file, '-C', into, '--no-same-owner'], `unpack ${file}`);
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
