// LISTEN flow_outbox on a connection of its own (the pool's connections come and go): every committed insert
// into the outbox wakes the dispatcher at once. Should the connection break, it reconnects after a pause; the
// dispatcher's polling carries on meanwhile, so a lost notification only costs a poll interval.
import { createRequire } from 'node:module';
import type { Logger } from 'pino';

/** The part of node-postgres' Client used here (pg ships no types, and @types/pg is not a dependency). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'notification', fn: () => void): PgClient;
  on(event: 'error', fn: (err: Error) => void): PgClient;
  on(event: 'end', fn: () => void): PgClient;
}
const { Client } = createRequire(__filename)('pg') as { Client: new (config: { connectionString: string }) => PgClient };

export const OUTBOX_CHANNEL = 'flow_outbox';
const RECONNECT_MS = 5000;

export interface OutboxListener {
  close(): Promise<void>;
}

export function listenForOutbox(url: string, onNotify: () => void, logger: Logger): OutboxListener {
  let client: PgClient | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const reconnectLater = () => {
    client = undefined;
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RECONNECT_MS);
  };

  const connect = async () => {
    const c = new Client({ connectionString: url });
    c.on('notification', onNotify);
    c.on('error', (err) => {
      logger.warn({ err: { name: err.name } }, 'flow outbox: LISTEN connection failed; polling until it is back');
      void c.end().catch(() => undefined);
      reconnectLater();
    });
    c.on('end', reconnectLater);
    try {
      await c.connect();
      await c.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (closed) return void (await c.end());
      client = c;
      onNotify(); // whatever was written while we were not listening
    } catch (err) {
      logger.warn({ err: { name: (err as Error).name } }, 'flow outbox: cannot LISTEN; polling until it can');
      void c.end().catch(() => undefined);
      reconnectLater();
    }
  };
  void connect();

  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
