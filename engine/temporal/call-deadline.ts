// Temporal calls with a deadline, without slowing every other promise of the process.
//
// The client keeps a call's deadline in an AsyncLocalStorage (`Connection.callContextStorage`). On Node 20 an
// AsyncLocalStorage that has run once installs promise hooks for the rest of the process's life, and from then
// on every promise — every await of every API request — costs about three times as much (a bare await loop:
// 170 → 480 ms). The SDK's own connect runs its first call under a deadline, so every API process paid that
// from its start: bench:votes measured the API's CPU per vote at 1.23–1.32 ms with the hooks and 1.10 ms
// without. So the storage is switched off after connecting and again after the platform's own deadline calls,
// whenever none of them is still running (switching it off mid-call would drop that call's deadline).
// Node 24's AsyncContextFrame makes the storage cheap; this can go when the platform moves there.
import type { Client, ConnectionLike } from '@temporalio/client';
import type { AsyncLocalStorage } from 'node:async_hooks';

/** Deadline calls running on each connection. */
const running = new WeakMap<ConnectionLike, number>();

/** The connection's call-context storage, where it has one (the gRPC Connection; a NativeConnection has none). */
const storageOf = (connection: ConnectionLike): AsyncLocalStorage<unknown> | undefined =>
  (connection as ConnectionLike & { callContextStorage?: AsyncLocalStorage<unknown> }).callContextStorage;

/** Switches the connection's call-context storage off, unless a deadline call is running on it. */
export function quietCallContext(connection: ConnectionLike): void {
  if (!running.get(connection)) storageOf(connection)?.disable();
}

/** `fn`'s Temporal calls fail after `ms` (DEADLINE_EXCEEDED); the call-context storage is off again afterwards. */
export async function withCallDeadline<R>(client: Pick<Client, 'connection'>, ms: number, fn: () => Promise<R>): Promise<R> {
  const { connection } = client;
  running.set(connection, (running.get(connection) ?? 0) + 1);
  try {
    return await connection.withDeadline(Date.now() + ms, fn);
  } finally {
    const left = running.get(connection)! - 1;
    if (left) running.set(connection, left);
    else {
      running.delete(connection);
      quietCallContext(connection);
    }
  }
}
