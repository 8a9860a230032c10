// The security headers set from a list (engine/http/security-headers.ts) are exactly helmet's with the same
// options, in development and in production: two real express apps, one with helmet() and one with the list, asked
// the same thing over HTTP. A directive that is a function (worked out per request) is refused.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { securityHeaderOptions, securityHeaders } from '../../engine/http/security-headers';

async function headersFrom(middleware: RequestHandler): Promise<Record<string, string>> {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => {
    res.setHeader('X-Powered-By', 'something');
    res.type('text').send('ok');
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const headers = Object.fromEntries(res.headers.entries());
    delete headers.date;
    return headers;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('security headers from a list', () => {
  it.each(['development', 'production'])('are the headers helmet sets (%s)', async (nodeEnv) => {
    const options = securityHeaderOptions(nodeEnv);
    const fromHelmet = await headersFrom(helmet(options));
    const fromList = await headersFrom(securityHeaders(options));
    expect(fromList).toEqual(fromHelmet);
    expect(fromList['content-security-policy']).toMatch(/default-src 'self'/);
    expect('strict-transport-security' in fromList).toBe(nodeEnv === 'production');
    expect(fromList['x-powered-by']).toBe('something'); // what a handler sets after the middleware stays its own
  });

  it('refuses a directive worked out per request', () => {
    const nonce = () => "'nonce-abc'";
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", nonce] } } })).toThrow(/per-request/);
  });
});
