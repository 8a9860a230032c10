// What the Digital Post and SMS simulators share: reading a size-limited body, answering JSON, and posting
// signed callbacks (receipts, delivery reports) with retries, as the real services do when the receiver is down.
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export class BadRequest extends Error {}

export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new BadRequest('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/** Posts callbacks signed with the shared secret (`x-signature: sha256=<hex HMAC of the body>`), retrying until the receiver says 2xx. */
export class CallbackPoster {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  /** Callbacks the receiver has confirmed, and those still waiting. */
  delivered = 0;
  pending = 0;

  constructor(
    private readonly secret: string,
    private readonly retryMs = 500,
    private readonly maxTries = 240,
  ) {}

  post(url: () => string | undefined, body: unknown, delayMs: number): void {
    const raw = JSON.stringify(body);
    const signature = `sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`;
    this.pending++;
    const attempt = (tries: number) => {
      if (this.stopped) return;
      const target = url();
      const retry = () => {
        if (tries + 1 >= this.maxTries) return void this.pending--;
        this.later(() => attempt(tries + 1), this.retryMs);
      };
      if (!target) return retry();
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body: raw, signal: AbortSignal.timeout(5000) })
        .then((res) => {
          if (res.ok) {
            this.pending--;
            this.delivered++;
          } else retry();
        })
        .catch(retry);
    };
    this.later(() => attempt(0), delayMs);
  }

  private later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/**
 * Receipts a simulator posts a moment after the message, or holds back while a test asks it to (a platform
 * restarting meanwhile); released, the held ones go at once.
 */
export class DelayedCallbacks {
  private held: (() => void)[] | null = null;

  constructor(private readonly delayMs: number) {}

  later(post: () => void): void {
    if (this.held) this.held.push(post);
    else setTimeout(post, this.delayMs).unref();
  }

  hold(hold: boolean): void {
    if (hold) this.held ??= [];
    else {
      const waiting = this.held ?? [];
      this.held = null;
      for (const post of waiting) post();
    }
  }

  get waiting(): number {
    return this.held?.length ?? 0;
  }
}
