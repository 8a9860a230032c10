// /healthz: the process is up. /readyz: every dependency answers (database, Temporal, and in a worker process its
// worker), each with a bound.
import type { Worker } from '@temporalio/worker';
import { Router } from 'express';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/**
 * Readiness of a Temporal worker: fails, naming the state, unless it polls. A thrown error, not a voided
 * rejected promise: that one left the check passing and crashed the process with an unhandled rejection the
 * first time /readyz asked a stopping worker.
 */
export function workerRunning(worker: Pick<Worker, 'getState'>): () => Promise<void> {
  return async () => {
    const state = worker.getState();
    if (state !== 'RUNNING') throw new Error(state);
  };
}

const TIMEOUT_MS = 2000;

function withTimeout(p: Promise<void>): Promise<void> {
  return Promise.race([p, new Promise<void>((_, reject) => setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS).unref())]);
}

export function healthRouter(checks: ReadinessCheck[]): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check());
          return { name, ok: true };
        } catch (err) {
          return { name, ok: false, error: err instanceof Error ? err.message : String(err) };
        }
      }),
    );
    const ready = results.every((r) => r.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: results });
  });
  return router;
}
