// The Digital Post simulator: a separate HTTP service that accepts MeMo documents (engine/messages/memo.ts) at
// POST /memos with HTTP Basic credentials, refuses people exempt from Digital Post (digital-post-exempt.json:
// 422 RECIPIENT_EXEMPT), and some time later posts a delivery receipt for each accepted message to the receipt
// URL, signed with the shared secret and retried until the receiver confirms — so receipts reach a platform
// that restarted meanwhile. A repeated messageUUID answers 409 with the first message (no second delivery).
// Refused in production. Run on its own: `node --import tsx engine/simulators/digital-post-server.ts [port]`.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoFormatError, parseMemo, type MemoMessage } from '../messages/memo';
import { DIGITAL_POST_PATHS } from '../messages/digital-post';
import { answer, BadRequest, CallbackPoster, DelayedCallbacks, readBody } from './channel-sim-common';
import exemptList from './digital-post-exempt.json';

export interface DigitalPostSimulatorOptions {
  port?: number;
  host?: string;
  credentials?: { user: string; password: string };
  /** Signs the receipts (the platform's CHANNEL_CALLBACK_SECRET). */
  callbackSecret: string;
  /** Where receipts go; settable later (the platform knows its port only once it listens). */
  receiptUrl?: string;
  /** Default 300 ms. */
  receiptDelayMs?: number;
  /** Personal numbers exempt from Digital Post (default: digital-post-exempt.json). */
  exempt?: readonly string[];
  /** Personal numbers whose delivery fails (accepted, then a FAILED receipt). */
  failDelivery?: readonly string[];
}

export interface SimulatedMemo {
  id: string;
  tenantId: string | null;
  receivedAt: string;
  recipient: string;
  title: string;
  text: string;
  receipt: 'pending' | 'DELIVERED' | 'FAILED';
}

export interface DigitalPostSimulator {
  url: string;
  credentials: { user: string; password: string };
  setReceiptUrl(url: string | undefined): void;
  /** Holds receipts back until released (a test of receipts after a restart). */
  holdReceipts(hold: boolean): void;
  messages(tenantId?: string): SimulatedMemo[];
  /** Receipts the receiver has not confirmed yet. */
  readonly pendingReceipts: number;
  /** Messages accepted since the start (a benchmark counts them). */
  readonly received: number;
  stop(): Promise<void>;
}

const MAX_BODY = 512 * 1024;
/** Messages kept for the outbox and for repeated sends (a benchmark's 20,000 fit). */
const KEEP = 50_000;

export async function startDigitalPostSimulator(options: DigitalPostSimulatorOptions): Promise<DigitalPostSimulator> {
  if (process.env.NODE_ENV === 'production') throw new Error('The Digital Post simulator never runs in production: set DIGITAL_POST_URL.');
  const credentials = options.credentials ?? { user: `dp-${randomBytes(4).toString('hex')}`, password: randomBytes(18).toString('base64url') };
  const exempt = new Set(options.exempt ?? exemptList.exempt);
  const failing = new Set(options.failDelivery ?? exemptList.failDelivery);
  const byId = new Map<string, SimulatedMemo>();
  let received = 0;
  let receiptUrl = options.receiptUrl;
  const receipts = new DelayedCallbacks(options.receiptDelayMs ?? 300);
  const poster = new CallbackPoster(options.callbackSecret);
  const expected = Buffer.from(`Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`);
  const authorized = (req: IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const sendReceipt = (memo: SimulatedMemo) => {
    const post = () => {
      memo.receipt = failing.has(memo.recipient) ? 'FAILED' : 'DELIVERED';
      poster.post(() => receiptUrl, { messageUUID: memo.id, status: memo.receipt, ...(memo.receipt === 'FAILED' ? { errorCode: 'MAILBOX_UNAVAILABLE' } : {}), timestamp: new Date().toISOString() }, 0);
    };
    receipts.later(post);
  };

  async function memos(req: IncomingMessage): Promise<[number, unknown]> {
    if (!authorized(req)) return [401, { errorCode: 'UNAUTHORIZED', message: 'invalid credentials' }];
    if (!/xml/.test(req.headers['content-type'] ?? '')) return [415, { errorCode: 'UNSUPPORTED_MEDIA_TYPE', message: 'MeMo XML expected' }];
    let memo: MemoMessage;
    try {
      memo = parseMemo((await readBody(req, MAX_BODY)).toString('utf8'));
    } catch (err) {
      if (err instanceof MemoFormatError) return [400, { errorCode: 'INVALID_MEMO', message: err.message }];
      throw err;
    }
    const seen = byId.get(memo.messageUUID);
    if (seen) return [409, { messageUUID: seen.id, errorCode: 'DUPLICATE_MESSAGE' }];
    if (exempt.has(memo.recipientId)) return [422, { errorCode: 'RECIPIENT_EXEMPT', message: 'the recipient is exempt from Digital Post' }];
    const tenant = req.headers['x-tingvalla-tenant'];
    const stored: SimulatedMemo = { id: memo.messageUUID, tenantId: typeof tenant === 'string' ? tenant : null, receivedAt: new Date().toISOString(), recipient: memo.recipientId, title: memo.label, text: memo.text, receipt: 'pending' };
    byId.set(stored.id, stored);
    received++;
    if (byId.size > KEEP) byId.delete(byId.keys().next().value!);
    sendReceipt(stored);
    return [202, { messageUUID: stored.id, status: 'ACCEPTED' }];
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== DIGITAL_POST_PATHS.memos) return answer(res, 404, { errorCode: 'NOT_FOUND' });
    if (req.method !== 'POST') return answer(res, 405, { errorCode: 'METHOD_NOT_ALLOWED' }, { allow: 'POST' });
    memos(req)
      .then(([status, body]) => answer(res, status, body))
      .catch((err: unknown) => answer(res, err instanceof BadRequest ? 400 : 500, { errorCode: err instanceof BadRequest ? 'BAD_REQUEST' : 'SERVER_ERROR' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    credentials,
    setReceiptUrl: (url) => void (receiptUrl = url),
    holdReceipts: (hold) => receipts.hold(hold),
    messages: (tenantId) => [...byId.values()].filter((m) => tenantId === undefined || m.tenantId === tenantId).reverse(),
    get pendingReceipts() {
      return poster.pending + receipts.waiting;
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
  startDigitalPostSimulator({ port: Number(process.argv[2] ?? 4081), callbackSecret: secret, ...(process.env.DIGITAL_POST_RECEIPT_URL ? { receiptUrl: process.env.DIGITAL_POST_RECEIPT_URL } : {}) })
    .then((sim) => {
      console.log(`[digital post simulator] listening on ${sim.url} (POST ${DIGITAL_POST_PATHS.memos}); DIGITAL_POST_USER=${sim.credentials.user} DIGITAL_POST_PASSWORD=${sim.credentials.password} CHANNEL_CALLBACK_SECRET=${secret}`);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
