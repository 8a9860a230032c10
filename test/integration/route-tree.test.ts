// The route tree (engine/http/route-tree.ts) answers every request as the flat list in order would: the same
// route, with the same path parameters — while a request walks only its own prefix's routes.
import type { AddressInfo } from 'node:net';
import express, { Router, type Express } from 'express';
import { mountRouteTree, type TreeRoute } from '../../engine/http/route-tree';
import { routeTable } from '../../engine/http/route-table';
import { request } from '../helpers/http';

// Enough routes under /a and /a/b to be grouped; a level with a parameter (/p) that must keep its order (the
// fixed `/p/new` before `/p/:id`, and `/p/:id/x` after `/p/:id` though never matched by it); a route that is its
// own prefix (/a); a wildcard-free literal with a dot.
const PATHS: [TreeRoute['method'], string][] = [
  ['GET', '/a'],
  ...Array.from({ length: 9 }, (_, i): [TreeRoute['method'], string] => ['GET', `/a/b/c${i}`]),
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
  ['GET', '/nowhere'],
];

function routes(): TreeRoute[] {
  return PATHS.map(([method, path], i) => ({ method, path, handler: (req, res) => void res.json({ route: i, params: req.params }) }));
}

function appWith(mount: (router: Router) => void): Express {
  const app = express();
  const router = Router();
  mount(router);
  app.use('/api', router, (_req, res) => void res.status(404).json({ route: 'none' }));
  return app;
}

const listen = (app: Express) =>
  new Promise<{ port: number; close(): Promise<void> }>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) }));
  });

const flat = appWith((router) => {
  for (const r of routes()) router[r.method.toLowerCase() as 'get'](r.path, r.handler);
});
const tree = appWith((router) => mountRouteTree(router, routes()));

let servers: { port: number; close(): Promise<void> }[] = [];
beforeAll(async () => {
  servers = [await listen(flat), await listen(tree)];
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

it('answers every request with the route and parameters the flat list in order gives', async () => {
  for (const [method, path] of REQUESTS) {
    const [a, b] = await Promise.all(servers.map((s) => request(s.port, 'localhost', method, `/api${path}`)));
    expect({ method, path, status: b!.status, body: b!.text }).toEqual({ method, path, status: a!.status, body: a!.text });
  }
  // The requests above did reach routes, including a parameter one, and missed where they should.
  const answered = await Promise.all(REQUESTS.map(([m, p]) => request(servers[1]!.port, 'localhost', m, `/api${p}`).then((r) => r.json<{ route: number | string }>().route)));
  expect(answered.filter((r) => r === 'none').length).toBeGreaterThanOrEqual(4);
  expect(answered).toContain(PATHS.findIndex(([m, p]) => m === 'GET' && p === '/p/:id'));
});

it('groups the literal prefixes into routers, so a request walks only its prefix', () => {
  const layers = (tree as unknown as { router: { stack: { route?: unknown }[] } }).router.stack;
  const api = (layers.find((l) => (l as { handle?: { stack?: unknown[] } }).handle?.stack) as { handle: { stack: { route?: unknown; handle?: { stack?: unknown[] } }[] } }).handle.stack;
  // Top level: /a, /p, /q.json, /r, /s, /t — six layers rather than 21 routes; /a and /p are routers.
  expect(api).toHaveLength(6);
  expect(api.filter((l) => l.handle?.stack).length).toBe(2);
});

it('lists the same routes as the flat mount (the fuzz suite and the API document read this table)', () => {
  const sort = (t: { method: string; path: string }[]) => t.map((e) => `${e.method} ${e.path}`).sort();
  expect(sort(routeTable(tree))).toEqual(sort(routeTable(flat)));
});
