// The error middleware on its own: unexpected errors become a 500 that hides its details and is logged once
// with the request id; known errors keep their status, code and fields.
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import type { AddressInfo } from 'node:net';
import { ForbiddenError, ValidationError } from '../../engine/errors';
import { httpLogger } from '../../engine/http/logging';
import { problemHandler } from '../../engine/http/problem';
import { request } from '../helpers/http';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

const app = express();
app.use(httpLogger(pino({ level: 'info' }, sink), () => 'req-42'));
app.get('/boom', () => {
  throw new Error('connection to db-internal-7.example failed for user karen');
});
app.get('/forbidden', () => {
  throw new ForbiddenError();
});
app.get('/invalid', () => {
  throw new ValidationError([{ field: '/email', message: 'must match format "email"' }]);
});
app.use(problemHandler);

let server: ReturnType<typeof app.listen>;
let port: number;
beforeAll(async () => {
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('hides the details of an unexpected error and logs it once with the request id', async () => {
  const res = await request(port, 'localhost', 'GET', '/boom');
  expect(res.status).toBe(500);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.json()).toEqual({ type: 'https://tingvalla.dev/problems/internal_error', title: 'Something went wrong on our side', status: 500, code: 'internal_error', requestId: 'req-42' });
  expect(res.text).not.toMatch(/db-internal|karen/);
  // The line is written when the response finishes on the server, which may be just after the client has it.
  for (let i = 0; i < 50 && !lines.some((l) => JSON.stringify(l).includes('db-internal-7')); i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 100));
  const logged = lines.filter((l) => JSON.stringify(l).includes('db-internal-7'));
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({ level: 50, req: { id: 'req-42' }, res: { statusCode: 500 } });
});

it('keeps status, code and fields of known errors', async () => {
  const forbidden = await request(port, 'localhost', 'GET', '/forbidden');
  expect([forbidden.status, forbidden.json().code]).toEqual([403, 'forbidden']);
  const invalid = await request(port, 'localhost', 'GET', '/invalid');
  expect(invalid.json()).toMatchObject({ status: 400, code: 'validation_failed', errors: [{ field: '/email', message: 'must match format "email"' }] });
});
