// HTTP requests to the test platform with a chosen Host header (Node's resolver does not map *.localhost
// to loopback the way browsers and curl do, so we connect to 127.0.0.1 and name the host ourselves).
import { request as httpRequest } from 'node:http';

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

/** `localAddress`: the loopback address to send from (127.0.0.x), to stand for different clients. */
export function request(port: number, host: string, method: string, path: string, opts: { body?: string | Buffer; json?: unknown; headers?: Record<string, string>; localAddress?: string } = {}): Promise<TestResponse> {
  const body = opts.json !== undefined ? JSON.stringify(opts.json) : opts.body;
  const headers: Record<string, string> = { host: `${host}:${port}`, ...(opts.json !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, ...(opts.localAddress ? { localAddress: opts.localAddress } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
