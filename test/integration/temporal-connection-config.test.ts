// Connecting to a real Temporal cluster (engine/config.ts, engine/temporal/connection-options.ts): the options
// both SDK connection kinds get from TEMPORAL_ADDRESS, TEMPORAL_TLS*, TEMPORAL_API_KEY; each problem named at
// start; and the proof that they reach the SDKs — the run's dev server reached through a TLS-terminating gRPC
// proxy that demands a client certificate from our CA, sees the SNI name, the API key and the namespace header,
// while TLS against the plain dev server itself fails.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import { createPrivateKey, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { ActivityDeps } from '../../activities';
import { ConfigError, loadConfig, rootDir } from '../../engine/config';
import { connectTemporal } from '../../engine/temporal/client';
import { generateCodecKeySpec, parseCodecKeys } from '../../engine/temporal/codec';
import { connectNamingTarget, temporalConnectionOptions, type TemporalConnectionOptions } from '../../engine/temporal/connection-options';
import { createWorker } from '../../engine/temporal/worker';
import { createTestCa } from '../helpers/ca';
import { testServices } from '../helpers/env';
import { quietTemporalRuntime } from '../helpers/platform';

// --- A private CA, the proxy's server certificate and client certificates (one expired), written as PEM files.

const DAY = 86_400_000;
const SERVER_NAME = 'temporal.tingvalla.test';

type Issued = { certificatePem: string; privateKeyPem: string };

let dir: string;
const files = {} as Record<'ca' | 'clientCert' | 'clientKey' | 'otherKey' | 'encryptedKey' | 'expiredCert' | 'expiredKey' | 'notPem' | 'folder', string>;
let server: Issued;
let caPem: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tingvalla-temporal-tls-'));
  const ca = await createTestCa('Tingvalla Test Temporal CA');
  caPem = ca.certificatePem;
  server = await ca.issue(SERVER_NAME, undefined, 'server');
  const client = await ca.issue('tingvalla-worker', undefined, 'client');
  const other = await ca.issue('someone-else', undefined, 'client');
  const expired = await ca.issue('tingvalla-expired', { notBefore: new Date(Date.now() - 10 * DAY), notAfter: new Date(Date.now() - DAY) }, 'client');
  const write = (name: keyof typeof files, content: string) => writeFileSync((files[name] = join(dir, `${name}.pem`)), content);
  write('ca', caPem);
  write('clientCert', client.certificatePem);
  write('clientKey', client.privateKeyPem);
  write('otherKey', other.privateKeyPem);
  write('encryptedKey', createPrivateKey(client.privateKeyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }).toString());
  write('expiredCert', expired.certificatePem);
  write('expiredKey', expired.privateKeyPem);
  write('notPem', 'this is not a certificate\n');
  mkdirSync((files.folder = join(dir, 'folder')));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(Object.keys(env))}`);
}

// --- The options.

describe('the options built from the configuration', () => {
  it('reads the CA and the client pair from their files and adds the SNI name, the API key and the namespace header', () => {
    const config = loadConfig({
      TEMPORAL_ADDRESS: 'temporal.example.net:7233',
      TEMPORAL_NAMESPACE: 'tingvalla-prod',
      TEMPORAL_TLS_CA_FILE: files.ca,
      TEMPORAL_TLS_CERT_FILE: files.clientCert,
      TEMPORAL_TLS_KEY_FILE: files.clientKey,
      TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
      TEMPORAL_API_KEY: 'key.part-one.part-two',
    });
    const options = temporalConnectionOptions(config, config.TEMPORAL_ADDRESS!);
    expect(options.address).toBe('temporal.example.net:7233');
    expect(options.tls?.serverNameOverride).toBe(SERVER_NAME);
    expect(Buffer.from(options.tls!.serverRootCACertificate!).toString()).toBe(caPem);
    expect(Buffer.from(options.tls!.clientCertPair!.crt).toString()).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(Buffer.from(options.tls!.clientCertPair!.key).toString()).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(options.apiKey).toBe('key.part-one.part-two');
    expect(options.metadata).toEqual({ 'temporal-namespace': 'tingvalla-prod' });
  });

  it('is the address alone without TLS settings, TLS with the system roots for TEMPORAL_TLS=on, and TLS for an API key alone', () => {
    expect(temporalConnectionOptions(loadConfig({ TEMPORAL_ADDRESS: 'temporal:7233' }), 'temporal:7233')).toEqual({ address: 'temporal:7233' });
    expect(temporalConnectionOptions(loadConfig({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_TLS: 'on' }), 'temporal:7233')).toEqual({ address: 'temporal:7233', tls: {} });
    const cloud = temporalConnectionOptions(loadConfig({ TEMPORAL_ADDRESS: 'eu-west-1.aws.api.temporal.io:7233', TEMPORAL_API_KEY: 'k' }), 'eu-west-1.aws.api.temporal.io:7233');
    expect(cloud).toEqual({ address: 'eu-west-1.aws.api.temporal.io:7233', tls: {}, apiKey: 'k', metadata: { 'temporal-namespace': 'tingvalla' } });
  });

  it('reaches any other address — a dev server the project started itself — in plain gRPC, as before', () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_API_KEY: 'k', TEMPORAL_TLS_CA_FILE: files.ca });
    expect(temporalConnectionOptions(config, '127.0.0.1:7233')).toEqual({ address: '127.0.0.1:7233' });
  });

  it('takes a relative file path from the repository folder', () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_TLS_CA_FILE: relative(rootDir, files.ca) });
    expect(config.TEMPORAL_TLS_CA_FILE).toBe(files.ca);
  });
});

// --- The problems, each named, all at once.

describe('the problems refused at start', () => {
  const address = { TEMPORAL_ADDRESS: 'temporal:7233' };

  it('a certificate without its key and a key without its certificate', () => {
    expect(problemsOf({ ...address, TEMPORAL_TLS_CERT_FILE: files.clientCert })).toEqual([expect.stringMatching(/^TEMPORAL_TLS_KEY_FILE: required with TEMPORAL_TLS_CERT_FILE/)]);
    expect(problemsOf({ ...address, TEMPORAL_TLS_KEY_FILE: files.clientKey })).toEqual([expect.stringMatching(/^TEMPORAL_TLS_CERT_FILE: required with TEMPORAL_TLS_KEY_FILE/)]);
  });

  it('a file that is missing, a folder, not PEM, a key in place of a certificate or a certificate in place of a key', () => {
    expect(problemsOf({ ...address, TEMPORAL_TLS_CA_FILE: join(dir, 'missing.pem') })).toEqual([`TEMPORAL_TLS_CA_FILE: no such file: ${join(dir, 'missing.pem')}`]);
    expect(problemsOf({ ...address, TEMPORAL_TLS_CA_FILE: files.folder })).toEqual([`TEMPORAL_TLS_CA_FILE: a folder, not a file: ${files.folder}`]);
    expect(problemsOf({ ...address, TEMPORAL_TLS_CA_FILE: files.notPem })).toEqual([expect.stringMatching(/^TEMPORAL_TLS_CA_FILE: not a PEM certificate/)]);
    expect(problemsOf({ ...address, TEMPORAL_TLS_CERT_FILE: files.clientKey, TEMPORAL_TLS_KEY_FILE: files.clientCert })).toEqual([
      expect.stringMatching(/^TEMPORAL_TLS_CERT_FILE: not a PEM certificate/),
      expect.stringMatching(/^TEMPORAL_TLS_KEY_FILE: not a PEM private key/),
    ]);
  });

  it('a key that is encrypted, a key that is not the certificate’s, and an expired client certificate', () => {
    expect(problemsOf({ ...address, TEMPORAL_TLS_CERT_FILE: files.clientCert, TEMPORAL_TLS_KEY_FILE: files.encryptedKey })).toEqual([expect.stringMatching(/^TEMPORAL_TLS_KEY_FILE: the private key is encrypted/)]);
    expect(problemsOf({ ...address, TEMPORAL_TLS_CERT_FILE: files.clientCert, TEMPORAL_TLS_KEY_FILE: files.otherKey })).toEqual([
      `TEMPORAL_TLS_KEY_FILE: not the private key of the certificate in TEMPORAL_TLS_CERT_FILE: ${files.otherKey}`,
    ]);
    expect(problemsOf({ ...address, TEMPORAL_TLS_CERT_FILE: files.expiredCert, TEMPORAL_TLS_KEY_FILE: files.expiredKey })).toEqual([expect.stringMatching(/^TEMPORAL_TLS_CERT_FILE: the client certificate expired on /)]);
  });

  it('TLS settings without TEMPORAL_ADDRESS (the dev server the project starts is plain), each named', () => {
    const problems = problemsOf({ TEMPORAL_TLS: 'on', TEMPORAL_TLS_CA_FILE: files.ca, TEMPORAL_TLS_SERVER_NAME: SERVER_NAME, TEMPORAL_API_KEY: 'k' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['TEMPORAL_TLS', 'TEMPORAL_TLS_CA_FILE', 'TEMPORAL_TLS_SERVER_NAME', 'TEMPORAL_API_KEY']);
    expect(problems.every((p) => p.includes('needs TEMPORAL_ADDRESS'))).toBe(true);
    expect(loadConfig({ TEMPORAL_TLS: 'off' }).TEMPORAL_TLS).toBe('off'); // off without an address says nothing wrong
  });

  it('TEMPORAL_TLS=off with an API key or a TLS file, without ever showing the key', () => {
    const apiKey = 'secret-api-key-value';
    const problems = problemsOf({ ...address, TEMPORAL_TLS: 'off', TEMPORAL_API_KEY: apiKey, TEMPORAL_TLS_CA_FILE: files.ca });
    expect(problems).toEqual([expect.stringMatching(/^TEMPORAL_TLS_CA_FILE: needs TLS, but TEMPORAL_TLS is off/), expect.stringMatching(/^TEMPORAL_API_KEY: needs TLS, but TEMPORAL_TLS is off.*never sent unencrypted/)]);
    expect(problems.join('\n')).not.toContain(apiKey);
    const malformed = problemsOf({ ...address, TEMPORAL_API_KEY: `${apiKey} with spaces` });
    expect(malformed).toEqual([expect.stringMatching(/^TEMPORAL_API_KEY: /)]);
    expect(malformed.join('\n')).not.toContain(apiKey);
  });

  it('lists every problem in one ConfigError, with the other settings’ problems', () => {
    const problems = problemsOf({ TEMPORAL_TLS_CERT_FILE: files.notPem, SMS_URL: 'https://sms.example.net' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['SMS_TOKEN', 'TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_KEY_FILE', 'TEMPORAL_TLS_CERT_FILE']);
    expect(problems[1]).toMatch(/needs TEMPORAL_ADDRESS/);
    expect(problems[3]).toMatch(/not a PEM certificate/);
  });
});

// --- The real thing: the options reach both SDKs.

interface SeenByProxy {
  serverNames: (string | false | null)[];
  clientCommonNames: string[];
  handshakeErrors: string[];
  calls: { path: string; authorization?: string; namespace?: string }[];
}

/**
 * A TLS endpoint in front of the run's (plain) dev server, as a load balancer in front of a cluster would be:
 * it demands a client certificate issued by our CA, terminates TLS and forwards each gRPC call over plain HTTP/2.
 */
async function startTlsProxy(upstream: string): Promise<{ address: string; seen: SeenByProxy; close(): Promise<void> }> {
  const seen: SeenByProxy = { serverNames: [], clientCommonNames: [], handshakeErrors: [], calls: [] };
  const upstreamSession = http2.connect(`http://${upstream}`);
  const proxy = http2.createSecureServer({ key: server.privateKeyPem, cert: server.certificatePem, ca: caPem, requestCert: true, rejectUnauthorized: true, ALPNProtocols: ['h2'] });
  proxy.on('secureConnection', (socket: TLSSocket) => {
    seen.serverNames.push(socket.servername);
    seen.clientCommonNames.push(String(socket.getPeerCertificate().subject?.CN));
  });
  proxy.on('tlsClientError', (err) => seen.handshakeErrors.push(err.message));
  proxy.on('stream', (stream, headers) => {
    const path = String(headers[':path']);
    seen.calls.push({ path, authorization: headers.authorization, namespace: headers['temporal-namespace'] as string | undefined });
    const forwarded = Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(':')));
    const call = upstreamSession.request({ ...forwarded, ':method': 'POST', ':path': path });
    stream.pipe(call);
    let trailers: http2.OutgoingHttpHeaders = {};
    call.on('trailers', (t) => (trailers = Object.fromEntries(Object.entries(t).filter(([name]) => !name.startsWith(':'))) as http2.OutgoingHttpHeaders));
    call.on('response', (responseHeaders) => {
      if (stream.closed) return; // the caller gave up (a worker shutting down cancels its long polls)
      const answer = Object.fromEntries(Object.entries(responseHeaders));
      if ('grpc-status' in responseHeaders) return stream.respond(answer, { endStream: true }); // a trailers-only answer (an error)
      stream.respond(answer, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.closed || stream.sendTrailers(trailers));
      call.pipe(stream);
    });
    call.on('error', () => stream.closed || stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR));
    stream.on('error', () => undefined);
    stream.on('close', () => call.closed || call.close(http2.constants.NGHTTP2_CANCEL));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const sessions = new Set<http2.ServerHttp2Session>();
  proxy.on('session', (s) => sessions.add(s));
  return {
    address: `127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    seen,
    async close() {
      for (const s of sessions) s.destroy();
      upstreamSession.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}

describe('the options reach the SDKs', () => {
  let proxy: Awaited<ReturnType<typeof startTlsProxy>>;
  const keys = parseCodecKeys(generateCodecKeySpec('tls-test'));
  const API_KEY = 'tingvalla-test-api-key';
  beforeAll(async () => {
    quietTemporalRuntime();
    proxy = await startTlsProxy(testServices().temporalAddress);
  });
  afterAll(() => proxy.close());

  /** The cluster behind the proxy, as an operator would configure it: private CA, client certificate, SNI name, API key. */
  const clusterOptions = () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: proxy.address, TEMPORAL_TLS_CA_FILE: files.ca, TEMPORAL_TLS_CERT_FILE: files.clientCert, TEMPORAL_TLS_KEY_FILE: files.clientKey, TEMPORAL_TLS_SERVER_NAME: SERVER_NAME, TEMPORAL_API_KEY: API_KEY });
    return temporalConnectionOptions(config, proxy.address);
  };
  const callsSince = (count: number) => proxy.seen.calls.slice(count);

  it('the platform’s client (connectTemporal) reaches the cluster over mutual TLS with the SNI name, the API key and the namespace header', async () => {
    const before = proxy.seen.calls.length;
    const client = await connectTemporal({ ...clusterOptions(), namespace: 'tingvalla', keys });
    try {
      const answer = await client.connection.workflowService.describeNamespace({ namespace: 'tingvalla' });
      expect(answer.namespaceInfo?.name).toBe('tingvalla');
      await client.connection.workflowService.getSystemInfo({}); // /readyz's call, which names no namespace
    } finally {
      await client.connection.close();
    }
    expect(proxy.seen.serverNames).toContain(SERVER_NAME);
    expect(proxy.seen.clientCommonNames).toContain('tingvalla-worker');
    const calls = callsSince(before);
    expect(calls.map((c) => c.path)).toEqual(expect.arrayContaining(['/temporal.api.workflowservice.v1.WorkflowService/GetSystemInfo', '/temporal.api.workflowservice.v1.WorkflowService/DescribeNamespace']));
    for (const call of calls) expect(call).toMatchObject({ authorization: `Bearer ${API_KEY}`, namespace: 'tingvalla' });
  });

  it('the platform’s worker (createWorker) connects the same way and polls its task queue through it', async () => {
    const before = proxy.seen.calls.length;
    const taskQueue = `tls-${randomBytes(4).toString('hex')}`;
    // No workflow is started on this task queue, so no activity runs: the worker needs no real dependencies.
    const worker = await createWorker({ connectionOptions: clusterOptions(), namespace: 'tingvalla', taskQueue, keys, deps: {} as ActivityDeps, workflowBundlePath: testServices().workflowBundlePath });
    const running = worker.run();
    const pollPath = '/temporal.api.workflowservice.v1.WorkflowService/PollWorkflowTaskQueue';
    for (let waited = 0; waited < 10_000 && !callsSince(before).some((c) => c.path === pollPath); waited += 100) await new Promise((r) => setTimeout(r, 100));
    worker.shutdown();
    await running;
    await worker.options.connection?.close();
    const calls = callsSince(before);
    expect(calls.map((c) => c.path)).toContain(pollPath);
    for (const call of calls) expect(call).toMatchObject({ authorization: `Bearer ${API_KEY}`, namespace: 'tingvalla' });
  });

  it('without the client certificate, or without the SNI name its certificate is issued for, the handshake fails and the error names the target', async () => {
    const options = clusterOptions();
    const before = proxy.seen.calls.length;
    const { clientCertPair: _clientCertPair, ...tlsWithoutClientCertificate } = options.tls!;
    const handshakeErrorsBefore = proxy.seen.handshakeErrors.length;
    await expect(connectBriefly({ ...options, tls: tlsWithoutClientCertificate })).rejects.toThrow(
      new RegExp(`^could not connect to Temporal at ${proxy.address} \\(TLS: private CA, server name ${SERVER_NAME}, API key\\): `),
    );
    expect(proxy.seen.handshakeErrors.slice(handshakeErrorsBefore).join('\n')).toMatch(/certificate/i);
    // The worker's connection too. Its error is the transport's: CertificateRequired, a broken pipe or a closed
    // connection, depending on what it reads first; the proxy's side says why.
    const nativeHandshakeErrorsBefore = proxy.seen.handshakeErrors.length;
    await expect(NativeConnection.connect({ ...options, tls: tlsWithoutClientCertificate })).rejects.toThrow(/tonic::transport::Error/);
    expect(proxy.seen.handshakeErrors.slice(nativeHandshakeErrorsBefore).join('\n')).toMatch(/certificate/i);
    // Without the override the client checks the certificate against 127.0.0.1, for which it was not issued.
    const { serverNameOverride: _serverNameOverride, ...tlsWithoutServerName } = options.tls!;
    await expect(connectBriefly({ ...options, tls: tlsWithoutServerName })).rejects.toThrow(/^could not connect to Temporal at /);
    await expect(NativeConnection.connect({ ...options, tls: tlsWithoutServerName })).rejects.toThrow(/NotValidForName/);
    expect(callsSince(before)).toEqual([]); // no call got through
  });

  it('TLS against the plain dev server fails in the handshake instead of quietly connecting', async () => {
    const plain = testServices().temporalAddress;
    const options = temporalConnectionOptions(loadConfig({ TEMPORAL_ADDRESS: plain, TEMPORAL_TLS: 'on' }), plain);
    expect(options).toEqual({ address: plain, tls: {} });
    await expect(connectBriefly(options)).rejects.toThrow(`could not connect to Temporal at ${plain} (TLS: system CAs): `);
    await expect(NativeConnection.connect(options)).rejects.toThrow(/InvalidContentType/); // rustls read a plain HTTP/2 frame where a TLS record belongs
    // The same address without TLS is reached: what failed was the TLS the options asked for.
    await connectBriefly({ address: plain });
  });
});

/** As connectTemporal connects, with a short deadline: a refused handshake otherwise retries for the default 10 s. */
async function connectBriefly(options: TemporalConnectionOptions): Promise<void> {
  const connection = await connectNamingTarget(options, () => Connection.connect({ ...options, connectTimeout: 3000 }));
  await connection.close();
}
