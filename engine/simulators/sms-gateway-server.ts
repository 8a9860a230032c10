// The SMS gateway simulator: a separate HTTP service with the send API of engine/messages/sms.ts (POST
// /v1/messages, bearer token, JSON) that answers an id and some time later posts a delivery report to the
// message's callbackUrl, signed with the shared secret and retried until confirmed. Numbers that are not in
// international form are refused (400 INVALID_RECIPIENT); numbers ending in 99 (or configured) are accepted but
// reported UNDELIVERABLE. A repeated reference answers the first message's id (no second text).
// Refused in production. Run on its own: `node --import tsx engine/simulators/sms-gateway-server.ts [port]`.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { smsSegments } from '../../schemas/messages/sms-segments';
import { e164, SMS_PATHS } from '../messages/sms';
import { answer, BadRequest, CallbackPoster, DelayedCallbacks, readBody } from './channel-sim-common';

export interface SmsGatewaySimulatorOptions {
  port?: number;
  host?: string;
  token?: string;
  callbackSecret: string;
  /** Default 300 ms. */
  reportDelayMs?: number;
  /** E.164 numbers whose delivery fails; default: every number ending in 99. */
  failNumbers?: (number: string) => boolean;
  /** Sends every report here instead of the message's callbackUrl (a test of a restarted receiver). */
  callbackOverride?: string;
}

export interface SimulatedSms {
  id: string;
  tenantId: string | null;
  receivedAt: string;
  sender: string;
  recipient: string;
  text: string;
  segments: number;
  report: 'pending' | 'DELIVERED' | 'UNDELIVERABLE';
}

export interface SmsGatewaySimulator {
  url: string;
  token: string;
  messages(tenantId?: string): SimulatedSms[];
  holdReports(hold: boolean): void;
  setCallbackOverride(url: string | undefined): void;
  readonly pendingReports: number;
  /** Messages accepted since the start (a benchmark counts them). */
  readonly received: number;
  stop(): Promise<void>;
}

const MAX_BODY = 64 * 1024;
/** Messages kept for the outbox and for repeated sends (a benchmark's 20,000 fit). */
const KEEP = 50_000;

export async function startSmsGatewaySimulator(options: SmsGatewaySimulatorOptions): Promise<SmsGatewaySimulator> {
  if (process.env.NODE_ENV === 'production') throw new Error('The SMS gateway simulator never runs in production: set SMS_URL.');
  const token = options.token ?? randomBytes(24).toString('base64url');
  const fails = options.failNumbers ?? ((n: string) => n.endsWith('99'));
  const byId = new Map<string, SimulatedSms>();
  const byReference = new Map<string, string>();
  let received = 0;
  const poster = new CallbackPoster(options.callbackSecret);
  const reports = new DelayedCallbacks(options.reportDelayMs ?? 300);
  let override = options.callbackOverride;
  const expected = Buffer.from(`Bearer ${token}`);
  const authorized = (req: IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  async function send(req: IncomingMessage): Promise<[number, unknown]> {
    if (!authorized(req)) return [401, { code: 'UNAUTHORIZED' }];
    let body: { sender?: unknown; recipient?: unknown; message?: unknown; reference?: unknown; callbackUrl?: unknown; tenant?: unknown };
    try {
      body = JSON.parse((await readBody(req, MAX_BODY)).toString('utf8')) as typeof body;
    } catch (err) {
      if (err instanceof BadRequest) throw err;
      return [400, { code: 'INVALID_JSON' }];
    }
    if (typeof body.message !== 'string' || body.message.length === 0 || body.message.length > 1600) return [400, { code: 'INVALID_MESSAGE', field: 'message' }];
    if (typeof body.sender !== 'string' || !/^([A-Za-z0-9 ]{1,11}|\+?\d{3,15})$/.test(body.sender)) return [400, { code: 'INVALID_SENDER', field: 'sender' }];
    if (body.reference !== undefined && (typeof body.reference !== 'string' || body.reference.length > 200)) return [400, { code: 'INVALID_REFERENCE', field: 'reference' }];
    if (body.callbackUrl !== undefined && (typeof body.callbackUrl !== 'string' || !/^https?:\/\//.test(body.callbackUrl))) return [400, { code: 'INVALID_CALLBACK', field: 'callbackUrl' }];
    const recipient = typeof body.recipient === 'string' ? e164(body.recipient) : null;
    if (!recipient) return [400, { code: 'INVALID_RECIPIENT', field: 'recipient' }];
    const again = typeof body.reference === 'string' ? byReference.get(body.reference) : undefined;
    if (again) return [200, { id: again, segments: byId.get(again)?.segments ?? 1 }];
    const sms: SimulatedSms = {
      id: `sms-${randomUUID()}`,
      tenantId: typeof body.tenant === 'string' ? body.tenant : null,
      receivedAt: new Date().toISOString(),
      sender: body.sender,
      recipient,
      text: body.message,
      segments: smsSegments(body.message).segments,
      report: 'pending',
    };
    byId.set(sms.id, sms);
    received++;
    if (typeof body.reference === 'string') byReference.set(body.reference, sms.id);
    if (byId.size > KEEP) byId.delete(byId.keys().next().value!);
    if (byReference.size > KEEP) byReference.delete(byReference.keys().next().value!);
    const callbackUrl = body.callbackUrl as string | undefined;
    if (callbackUrl) {
      const post = () => {
        sms.report = fails(recipient) ? 'UNDELIVERABLE' : 'DELIVERED';
        poster.post(() => override ?? callbackUrl, { id: sms.id, reference: body.reference ?? null, status: sms.report, ...(sms.report === 'UNDELIVERABLE' ? { errorCode: 'ABSENT_SUBSCRIBER' } : {}), at: new Date().toISOString() }, 0);
      };
      reports.later(post);
    }
    return [201, { id: sms.id, segments: sms.segments }];
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== SMS_PATHS.messages) return answer(res, 404, { code: 'NOT_FOUND' });
    if (req.method !== 'POST') return answer(res, 405, { code: 'METHOD_NOT_ALLOWED' }, { allow: 'POST' });
    send(req)
      .then(([status, body]) => answer(res, status, body))
      .catch((err: unknown) => answer(res, err instanceof BadRequest ? 413 : 500, { code: err instanceof BadRequest ? 'TOO_LARGE' : 'SERVER_ERROR' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    token,
    messages: (tenantId) => [...byId.values()].filter((m) => tenantId === undefined || m.tenantId === tenantId).reverse(),
    holdReports: (hold) => reports.hold(hold),
    setCallbackOverride: (url) => void (override = url),
    get pendingReports() {
      return poster.pending + reports.waiting;
    },
    get received() {
      return received;
    },
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        poster.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

if (require.main === module) {
  const secret = process.env.CHANNEL_CALLBACK_SECRET ?? randomBytes(24).toString('base64url');
  startSmsGatewaySimulator({ port: Number(process.argv[2] ?? 4082), callbackSecret: secret, ...(process.env.SMS_TOKEN ? { token: process.env.SMS_TOKEN } : {}) })
    .then((sim) => console.log(`[sms gateway simulator] listening on ${sim.url} (POST ${SMS_PATHS.messages}); SMS_TOKEN=${sim.token} CHANNEL_CALLBACK_SECRET=${secret}`))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
