// The routes an Express application answers, read from its router stack: every `get/post/put/patch/delete`
// with its full path (mount paths of nested routers included), and those of each route dispatcher in it
// (route-dispatch.ts). The fuzz suite walks this list, so a route added anywhere is fuzzed without being listed
// by hand.
import type { Express } from 'express';
import { HTTP_METHODS, type HttpMethod } from './route-dispatch';

export interface RouteEntry {
  method: HttpMethod;
  /** Express path syntax, e.g. `/api/forms/:id/versions/:version`. */
  path: string;
}

interface Layer {
  /** The path the layer was registered with (router 2.x keeps it); '/' for a plain `use(fn)`. */
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[]; routes?: readonly RouteEntry[] };
}

const METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);

/** A mount path as a prefix: `use(fn)` and `use('/', fn)` add nothing. */
const mountPrefix = (path: unknown): string => (typeof path === 'string' && path !== '/' ? path.replace(/\/$/, '') : '');

/** A route's full path as listed: its prefix and path joined, without a trailing slash (but `/` itself). */
const fullPath = (prefix: string, path: string): string => `${prefix}${path}`.replace(/(.)\/$/, '$1');

function walk(stack: Layer[], prefix: string, into: RouteEntry[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const path = fullPath(prefix, String(layer.route.path));
      for (const [method, on] of Object.entries(layer.route.methods)) {
        const upper = method.toUpperCase();
        if (on && METHODS.has(upper)) into.push({ method: upper as RouteEntry['method'], path });
      }
    } else if (layer.handle?.routes) {
      // A route dispatcher (route-dispatch.ts) lists its own routes.
      for (const r of layer.handle.routes) into.push({ method: r.method, path: fullPath(prefix + mountPrefix(layer.rawPath), r.path) });
    } else if (layer.handle?.stack) {
      walk(layer.handle.stack, prefix + mountPrefix(layer.rawPath), into);
    }
  }
}

/** Every route of the application, in registration order, each method once per path. */
export function routeTable(app: Express): RouteEntry[] {
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  const found: RouteEntry[] = [];
  walk(stack, '', found);
  const seen = new Set<string>();
  return found.filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}
