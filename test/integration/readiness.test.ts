// /readyz of a worker process asks its Temporal worker's state: not RUNNING answers 503 naming the state, and
// asking never leaves a rejected promise behind (one did, and crashed a stopping worker process).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { healthRouter, workerRunning } from '../../engine/http/routes/health';
import { request } from '../helpers/http';

let state = 'RUNNING';
let server: Server;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const app = express().use(healthRouter([{ name: 'worker', check: workerRunning({ getState: () => state as never }) }]));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await new Promise((resolve) => server.close(resolve));
});

const readyz = () => request((server.address() as AddressInfo).port, '127.0.0.1', 'GET', '/readyz');

it('is ready while the worker runs, and answers 503 naming the state once it stops', async () => {
  const running = await readyz();
  expect([running.status, running.json()]).toEqual([200, { status: 'ready', checks: [{ name: 'worker', ok: true }] }]);
  for (const s of ['DRAINING', 'STOPPED', 'FAILED']) {
    state = s;
    const stopped = await readyz();
    expect([stopped.status, stopped.json()]).toEqual([503, { status: 'not ready', checks: [{ name: 'worker', ok: false, error: s }] }]);
  }
  await new Promise((resolve) => setImmediate(resolve));
  expect(unhandled).toEqual([]);
});
