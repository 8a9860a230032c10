// How a drill speaks: each phase with its duration, each check as `ok` or `FAIL` with what it saw; the failures
// collected for the exit code and the last line.
export class DrillReport {
  readonly failures: string[] = [];

  constructor(private readonly prefix: string) {}

  say(line: string): void {
    console.log(`${this.prefix} ${line}`);
  }

  check(ok: boolean, line: string): void {
    this.say(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
    if (!ok) this.failures.push(line);
  }

  async phase<T>(what: string, fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const t = Date.now();
    const value = await fn();
    const ms = Date.now() - t;
    this.say(`${what}: ${seconds(ms)}`);
    return { value, ms };
  }
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
