// `--profile DIR` of the HTTP benchmarks: a CPU profile of this process (the API) during the measured burst only,
// not the set-up around it, written as DIR/<name>.cpuprofile (open it in Chrome's DevTools or speedscope).
// `node --cpu-prof` would profile the whole run, where making 20,000 sessions drowns the burst.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/** The value of `--profile DIR` in these arguments, if given. */
export function profileDirOf(args: readonly string[]): string | undefined {
  const at = args.indexOf('--profile');
  if (at < 0) return undefined;
  const dir = args[at + 1];
  if (!dir || dir.startsWith('--')) throw new Error('--profile needs a folder to write the profile to');
  return dir;
}

/** The arguments without `flag` and the value after it (`--profile DIR`, `--api-processes K`), for the positional ones. */
export const withoutFlag = (args: readonly string[], flag: string): string[] => {
  const at = args.indexOf(flag);
  return at < 0 ? [...args] : [...args.slice(0, at), ...args.slice(at + 2)];
};

/** The whole number after `flag` in these arguments, `fallback` when the flag is absent; outside min..max it throws `problem`. */
export function wholeNumberFlag(args: readonly string[], flag: string, fallback: number, range: { min: number; max?: number }, problem: string): number {
  const at = args.indexOf(flag);
  if (at < 0) return fallback;
  const n = Number(args[at + 1]);
  if (!Number.isInteger(n) || n < range.min || (range.max !== undefined && n > range.max)) throw new Error(problem);
  return n;
}

/** Runs `work`; with a folder, under the CPU profiler, and writes what it sampled. */
export async function profiled<T>(dir: string | undefined, name: string, work: () => Promise<T>, say: (line: string) => void): Promise<T> {
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    say(`CPU profile of this process during ${name}: ${file}`);
  }
}
