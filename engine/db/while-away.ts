// A write that must not be lost to a moment without the database (a restart, a failover, a cut connection) is
// tried again until the database answers, for a while. "Away": the connection could not be made or was cut, or
// the server said it is shutting down or still starting; any other error is the write's own and is thrown at once.
import { ConnectionError } from 'sequelize';

const AWAY_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', '57P01', '57P02', '57P03']);

export function isDatabaseAway(err: unknown): boolean {
  if (err instanceof ConnectionError) return true;
  const cause = (err as { original?: { code?: unknown; message?: unknown } } | undefined)?.original ?? (err as { code?: unknown; message?: unknown } | undefined);
  return AWAY_CODES.has(String(cause?.code)) || /Connection terminated/i.test(String(cause?.message ?? ''));
}

/** Runs `fn`, again after 0.25, 0.5, 1 … 4 s pauses while the database is away, for at most `forMs`. */
export async function whileDatabaseAway<T>(fn: () => Promise<T>, forMs = 30_000): Promise<T> {
  const until = Date.now() + forMs;
  for (let pause = 250; ; pause = Math.min(pause * 2, 4000)) {
    try {
      return await fn();
    } catch (err) {
      if (!isDatabaseAway(err) || Date.now() + pause > until) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
