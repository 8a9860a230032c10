// The route dispatcher (engine/http/route-dispatch.ts) answers every request as Express's flat list in order
// would: the same route with the same path parameters (case kept, percent-decoded), HEAD as GET, OPTIONS with the
// path's methods, a trailing slash and another case of the path ignored, the rest left to the next middleware.
import type { AddressInfo } from 'node:net';
import express, { Router, type Express } from 'express';
import { routeDispatcher, type DispatchRoute } from '../../engine/http/route-dispatch';
import { routeTable } from '../../engine/http/route-table';
import { request } from '../helpers/http';

// Routes under /a and /a/b; a fixed path beside a parameter (`/p/new` before `/p/:id`, and `/p/:id/x` after
// `/p/:id` though never matched by it); a route that is its own prefix (/a); a literal with a dot; a fixed segment
// after a parameter with a dot in it (`/f/:id/data.csv`).
const PATHS: [DispatchRoute['method'], string][] = [
  ['GET', '/a'],
  ...Array.from({ length: 9 }, (_, i): [DispatchRoute['method'], string] => ['GET', `/a/b/c${i}`]),
  ['POST', '/a/b/c1'],
  ['GET', '/a/b/:id'],
  ['GET', '/a/d'],
  ['GET', '/p/new'],
  ['GET', '/p/:id'],
  ['GET', '/p/:id/x'],
  ['DELETE', '/p/:id'],
  ['GET', '/q.json'],
  ['GET', '/r/:first/:second'],
  ['GET', '/s'],
  ['GET', '/t'],
  ['GET', '/f/:id/data.csv'],
];

const REQUESTS: [string, string][] = [
  ['GET', '/a'],
  ['GET', '/a/'],
  ['GET', '/a/b/c3'],
  ['POST', '/a/b/c1'],
  ['PUT', '/a/b/c1'],
  ['GET', '/a/b/c9'],
  ['GET', '/a/b/zz'],
  ['GET', '/a/b'],
  ['GET', '/A/B/C2'],
  ['GET', '/a/d'],
  ['GET', '/p/new'],
  ['GET', '/p/42'],
  ['GET', '/p/42/x'],
  ['DELETE', '/p/7'],
  ['GET', '/q.json'],
  ['GET', '/qxjson'],
  ['GET', '/r/one/two'],
  ['GET', '/r/one'],
  ['GET', '/t'],
  ['GET', '/t/'],
  ['GET', '/nowhere'],
  ['HEAD', '/p/42'],
  ['HEAD', '/a/b/c1'],
  ['OPTIONS', '/a/b/c1'],
  ['OPTIONS', '/p/42'],
  ['OPTIONS', '/nowhere'],
  ['GET', '/p/MiXeD'],
  ['GET', '/P/Case%20Kept'],
  ['GET', '/p/a%2Fb'],
  ['GET', '/r/%C3%A6/%2B'],
  ['GET', '/f/7/data.csv'],
  ['GET', '/f/7/data.CSV'],
  ['GET', '/f/7/dataxcsv'],
  ['GET', '/p/42?x=1&y=/a'],
  ['GET', '/q.json?'],
];

function routes(): DispatchRoute[] {
  return PATHS.map(([method, path], i) => ({ method, path, handler: (req, res) => void res.json({ route: i, params: req.params }) }));
}

function appWith(mount: (router: Router) => void): Express {
  const app = express();
  const router = Router();
  mount(router);
  app.use('/api', router, (_req, res) => void res.status(404).json({ route: 'none' }));
  // Both answer a broken percent-encoding as a 400 (Express: a URIError with status 400).
  app.use((err: { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => void res.status(err.status ?? 500).json({ error: err.status ?? 500 }));
  return app;
}

const listen = (app: Express) =>
  new Promise<{ port: number; close(): Promise<void> }>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) }));
  });

const flat = appWith((router) => {
  for (const r of routes()) router[r.method.toLowerCase() as 'get'](r.path, r.handler);
});
const dispatched = appWith((router) => router.use(routeDispatcher(routes())));

let servers: { port: number; close(): Promise<void> }[] = [];
beforeAll(async () => {
  servers = [await listen(flat), await listen(dispatched)];
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

it('answers every request with the route and parameters the flat list in order gives', async () => {
  for (const [method, path] of REQUESTS) {
    const [a, b] = await Promise.all(servers.map((s) => request(s.port, 'localhost', method, `/api${path}`)));
    const seen = (r: typeof a) => ({ method, path, status: r!.status, body: r!.text, allow: r!.headers.allow, length: r!.headers['content-length'] });
    expect(seen(b)).toEqual(seen(a));
  }
  // The requests above did reach routes, including a parameter one, and missed where they should.
  const answered = await Promise.all(REQUESTS.filter(([m]) => m !== 'HEAD' && m !== 'OPTIONS').map(([m, p]) => request(servers[1]!.port, 'localhost', m, `/api${p}`).then((r) => r.json<{ route: number | string }>().route)));
  expect(answered.filter((r) => r === 'none').length).toBeGreaterThanOrEqual(4);
  expect(answered).toContain(PATHS.findIndex(([m, p]) => m === 'GET' && p === '/p/:id'));
  expect(answered).toContain(PATHS.findIndex(([m, p]) => m === 'GET' && p === '/f/:id/data.csv'));
  const options = await request(servers[1]!.port, 'localhost', 'OPTIONS', '/api/a/b/c1');
  expect([options.status, options.headers.allow]).toEqual([200, 'GET, HEAD, POST']);
});

it('answers a path with broken percent-encoding in a parameter 400, like Express', async () => {
  for (const path of ['/api/p/%E0%A4%A', '/api/p/%ff/x']) {
    const [a, b] = await Promise.all(servers.map((s) => request(s.port, 'localhost', 'GET', path)));
    expect({ path, status: b!.status }).toEqual({ path, status: a!.status });
    expect(b!.status).toBe(400);
  }
});

it('refuses what it would not dispatch as Express does: a wildcard, a pattern, the same route twice', () => {
  const handler: DispatchRoute['handler'] = (_req, res) => void res.end();
  expect(() => routeDispatcher([{ method: 'GET', path: '/files/*rest', handler }])).toThrow(/plain :parameters/);
  expect(() => routeDispatcher([{ method: 'GET', path: '/p/:id(\\d+)', handler }])).toThrow(/plain :parameters/);
  expect(() => routeDispatcher([{ method: 'GET', path: '/p/:id', handler }, { method: 'GET', path: '/p/:id', handler }])).toThrow();
});

it('lists the same routes as the flat mount (the fuzz suite and the API document read this table)', () => {
  const sort = (t: { method: string; path: string }[]) => t.map((e) => `${e.method} ${e.path}`).sort();
  expect(sort(routeTable(dispatched))).toEqual(sort(routeTable(flat)));
  expect(routeTable(dispatched)).toHaveLength(PATHS.length);
});
