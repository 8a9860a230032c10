// fast-check arbitraries for hostile HTTP requests against the route table: path segments, query strings,
// bodies, content types and encodings, and who sends them. Known-good values (real ids of the tenant under
// test, real field names from schemas/api) are mixed in so requests also get past the first check.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { RouteEntry } from '../../engine/http/route-table';
import { loadSchemaFiles } from '../../schemas/registry';

export type ActorKind = 'admin' | 'adminWithoutCsrf' | 'adminWithForeignCsrf' | 'anonymous' | 'foreignCookie' | 'operatorOnPublicHost';

export interface FuzzContext {
  /** Ids of things in the tenant under test (path values that lead somewhere). */
  ownIds: string[];
  /** Ids of the other tenant's things: a 2xx for a path naming one is a leak. */
  foreignIds: string[];
}

export interface FuzzRequest {
  method: string;
  route: RouteEntry;
  path: string;
  actor: ActorKind;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Strings that have broken servers before: NUL, lone surrogates, prototype names, SQL, huge, format-looking. */
export const hostileString = fc.oneof(
  fc.constantFrom('', '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '__proto__', 'constructor', 'prototype', "' OR 1=1 --", '%00', '../..', '\u202e', '=cmd|calc', '1e400', '-0', 'NaN', 'null', 'true', '{{x}}', '<script>', '\r\nX-Injected: 1'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 1000, max: 70_000 }).map((n) => 'x'.repeat(n)),
);

const hostileNumber = fc.oneof(fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** Property names the platform's schemas know, so generated objects reach deeper checks. */
function knownFieldNames(): string[] {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const properties = (node as { properties?: Record<string, unknown> }).properties;
    if (properties) for (const name of Object.keys(properties)) names.add(name);
    for (const child of Object.values(node)) visit(child);
  };
  for (const file of loadSchemaFiles()) if (file.id.includes('/api/')) visit(file.schema);
  return [...names].sort();
}
const FIELD_NAMES = knownFieldNames();

const fieldName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: hostileString.filter((s) => s.length < 100) });

function jsonValue(ctx: FuzzContext): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null), fc.constantFrom(...ctx.ownIds, ...ctx.foreignIds));
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 5 }), fc.dictionary(fieldName, tie('value'), { maxKeys: 6 })),
  })).value;
}

function bodyOf(ctx: FuzzContext): fc.Arbitrary<Buffer | undefined> {
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  return fc.oneof(
    { weight: 6, arbitrary: jsonValue(ctx).map(json) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.integer({ min: 40, max: 20_000 }).map((n) => Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`)) },
    { weight: 1, arbitrary: fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '{"a":"\\u0000"}', '{"a":"\\ud800"}', '{"a":1e400}', '{"a":', 'null', '"x"', '[]', '{}').map((s) => Buffer.from(s)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)) },
    { weight: 1, arbitrary: fc.integer({ min: 65_000, max: 300_000 }).map((n) => Buffer.from(JSON.stringify({ name: 'x'.repeat(n) }))) },
  );
}

/** A path segment: a real id, a random uuid, another tenant's id, or something an id can never be. */
function segmentOf(name: string, ctx: FuzzContext): fc.Arbitrary<string> {
  const plain = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ctx.ownIds) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...ctx.foreignIds) },
    { weight: 1, arbitrary: fc.constantFrom('1', '0', '-1', '99999999999', 'latest', 'count', 'showcase', 'application-received', 'notify', 'open') },
    { weight: 3, arbitrary: hostileString.map(encodeSegment) },
  );
  const raw = fc.constantFrom('%E0%A4%A', '%ff', '%', '%2F', '%2e%2e', '..', '.', '%00', '%5C', 'a%2Fb', '%C0%AF');
  return name === 'rest' ? fc.array(plain, { maxLength: 3 }).map((parts) => parts.join('/')) : fc.oneof({ weight: 5, arbitrary: plain }, { weight: 1, arbitrary: raw });
}

/** Percent-encodes every byte but the unreserved ones (lone surrogates become U+FFFD, as UTF-8 must). */
export function encodeSegment(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

const queryKey = fc.oneof(fc.constantFrom('page', 'pageSize', 'version', 'locale', 'state', 'action', 'from', 'to', 'status', 'q', 'returnTo', '__proto__', 'constructor[prototype][x]', 'a[b][c]'), hostileString.filter((s) => s.length < 50));
const queryValue = fc.oneof(fc.constantFrom('1', '0', '-1', '1e400', '99999999999999999999', 'da', 'sv', 'en', 'xx', 'open', '2026-01-01', 'not-a-date'), hostileString.filter((s) => s.length < 2000));
const queryString = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 }).map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join('&')}` : '')) },
  { weight: 1, arbitrary: fc.constantFrom('?page=%E0%A4%A', '?a=%00', '?page=1&page=2', '?%ff=1', '?&&&=', `?q=${'a'.repeat(10_000)}`) },
);

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/problem+json', 'application/json; charset=utf-8; x=' + 'a'.repeat(500), '') },
);
const contentEncoding = fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('gzip', 'gzip*', 'br', 'deflate', 'zstd', 'identity', 'gzip, gzip') });

/** The codec reads the workflow it decodes for from the Referer: broken encodings there too. */
const referer = fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%ff', 'tenant%2F..%2Fx', '%00').map((s) => `http://admin.example/temporal/namespaces/tingvalla/workflows/${s}/history`) });

const actor = fc.constantFrom<ActorKind>('admin', 'admin', 'admin', 'adminWithoutCsrf', 'adminWithForeignCsrf', 'anonymous', 'foreignCookie', 'operatorOnPublicHost');

/** One hostile request for one of the routes. */
export function requestOf(routes: RouteEntry[], ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...routes).chain((route) => {
    const names = [...route.path.matchAll(/[:*](\w+)/g)].map((m) => m[1]!);
    const segments = names.length ? fc.tuple(...names.map((n) => segmentOf(n, ctx))) : fc.constant([] as string[]);
    const sendsBody = route.method !== 'GET';
    return fc.record({ segments, query: queryString, actor, body: sendsBody ? bodyOf(ctx) : fc.constant(undefined), contentType, contentEncoding, gzipForReal: fc.boolean(), referer, sameOrigin: fc.boolean() }).map(({ segments: values, query, actor: who, body, contentType: type, contentEncoding: encoding, gzipForReal, referer: from, sameOrigin }) => {
      let i = 0;
      const path = route.path.replace(/[:*]\w+/g, () => values[i++]!) + query;
      // What a browser marks a same-origin fetch with: the codec's CSRF check wants it (the UI cannot send our token).
      const headers: Record<string, string> = { ...(from ? { referer: from } : {}), ...(sameOrigin ? { 'sec-fetch-site': 'same-origin' } : {}) };
      let sent = body;
      if (body !== undefined) {
        if (type) headers['content-type'] = type;
        if (encoding) {
          headers['content-encoding'] = encoding;
          if (encoding === 'gzip' && gzipForReal) sent = gzipSync(body);
        }
      }
      return { method: route.method, route, path, actor: who, headers, ...(sent !== undefined ? { body: sent } : {}) };
    });
  });
}
