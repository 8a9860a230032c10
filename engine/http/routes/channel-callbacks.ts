// Delivery receipts from the message channels: Digital Post (POST /callbacks/digital-post) and the SMS gateway
// (POST /callbacks/sms). They come from the providers, not from a tenant's site, so they sit before the tenant
// resolution like /healthz; each body is signed with the shared secret (x-signature: sha256=HMAC of the raw
// body, CHANNEL_CALLBACK_SECRET), at most 16 kB, and the callers are rate-limited per address. The receipt names
// only the provider's message id; engine/messages/receipts.ts finds the message and its tenant.
import express, { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { applyReceipt, validSignature, type Receipt } from '../../messages/receipts';
import type { DeliveryDeps } from '../../messages/delivery';

export const CALLBACK_PATHS = { digitalPost: '/callbacks/digital-post', sms: '/callbacks/sms' } as const;

const BODY_LIMIT = '16kb';

export interface ChannelCallbackDeps {
  delivery: DeliveryDeps;
  secret: string;
  logger: Logger;
  /** Requests per second per address (a burst of 10 times that is allowed); default 200. */
  ratePerSecond?: number;
}

/** A token bucket per caller address. */
export function rateLimiter(perSecond: number, burst: number): (key: string) => boolean {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (key) => {
    const now = Date.now();
    const b = buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    if (buckets.size > 10_000) buckets.clear();
    buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };
}

function problem(res: Response, status: number, title: string, field?: string): void {
  res.status(status).type('application/problem+json').json({ type: 'about:blank', title, status, ...(field ? { errors: [{ field, message: title }] } : {}) });
}

type Parse = (body: Record<string, unknown>) => Receipt | string;

const parseDigitalPost: Parse = (b) => {
  if (typeof b.messageUUID !== 'string' || b.messageUUID.length > 200) return '/messageUUID';
  if (b.status !== 'DELIVERED' && b.status !== 'FAILED') return '/status';
  if (b.errorCode !== undefined && (typeof b.errorCode !== 'string' || b.errorCode.length > 100)) return '/errorCode';
  return { channel: 'digitalPost', providerMessageId: b.messageUUID, status: b.status === 'DELIVERED' ? 'delivered' : 'failed', errorCode: (b.errorCode as string | undefined) ?? null };
};

const parseSms: Parse = (b) => {
  if (typeof b.id !== 'string' || b.id.length > 200) return '/id';
  if (b.status !== 'DELIVERED' && b.status !== 'UNDELIVERABLE' && b.status !== 'EXPIRED' && b.status !== 'REJECTED') return '/status';
  if (b.errorCode !== undefined && (typeof b.errorCode !== 'string' || b.errorCode.length > 100)) return '/errorCode';
  return { channel: 'sms', providerMessageId: b.id, status: b.status === 'DELIVERED' ? 'delivered' : 'failed', errorCode: (b.errorCode as string | undefined) ?? String(b.status) };
};

export function channelCallbackRouter(deps: ChannelCallbackDeps): Router {
  const router = Router();
  const allow = rateLimiter(deps.ratePerSecond ?? 200, (deps.ratePerSecond ?? 200) * 10);
  const raw = express.raw({ type: () => true, limit: BODY_LIMIT });
  const handle = (parse: Parse) => async (req: Request, res: Response) => {
    if (!allow(req.socket.remoteAddress ?? 'unknown')) {
      res.setHeader('retry-after', '1');
      return problem(res, 429, 'Too many receipts');
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!validSignature(deps.secret, body, req.get('x-signature'))) return problem(res, 401, 'The receipt is not signed with the shared secret');
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return problem(res, 400, 'The receipt is not JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return problem(res, 400, 'The receipt is not a JSON object');
    const receipt = parse(parsed as Record<string, unknown>);
    if (typeof receipt === 'string') return problem(res, 400, `The receipt's ${receipt.slice(1)} is missing or wrong`, receipt);
    try {
      const outcome = await applyReceipt(deps.delivery, receipt);
      // An id not known (yet): a receipt can overtake the bookkeeping of its send, so the provider is asked to
      // retry (it gives up after its own limit) rather than have the receipt dropped.
      if (outcome === 'unknownMessage') return problem(res, 404, 'No message with this id is known (yet); retry later');
      res.status(200).json({ outcome });
    } catch (err) {
      deps.logger.error({ err, channel: receipt.channel }, 'a delivery receipt could not be applied');
      problem(res, 503, 'The receipt could not be applied now; retry');
    }
  };
  router.post(CALLBACK_PATHS.digitalPost, raw, (req, res) => void handle(parseDigitalPost)(req, res));
  router.post(CALLBACK_PATHS.sms, raw, (req, res) => void handle(parseSms)(req, res));
  return router;
}
