// Delivers the flow outbox to Temporal. It runs in the worker process (engine/platform.ts) and works in rounds:
// claim the due rows (claim_flow_outbox: FOR UPDATE SKIP LOCKED, each row leased for a minute, so two
// dispatchers in two processes never hold the same row), deliver each (deliver.ts), then mark it delivered
// — or, when Temporal did not answer, leave it for later with exponential backoff and a short error code.
// When one delivery finds Temporal away, the rest of the round is not tried (each would wait out the call's
// deadline) but released with backoff; and no delivery begins so late in a round that it could outlast the
// row's lease, so a row is never delivered by two dispatchers at the same time.
// An instance's rows go out in the order they were written: a claim hands out only the first undelivered row of
// each instance (migration 0034), so a round that claimed anything is followed at once by another, which finds
// the rows that were waiting behind them.
// A round starts when an insert is committed (LISTEN/NOTIFY), else every couple of seconds; rows delivered
// more than a week ago are deleted once an hour. Rows a dispatcher claimed and never finished (the process
// died) come back when their lease runs out.
// Delivery is at least once: a row whose delivery succeeded but whose mark did not (the database away at that
// moment, or the process killed in between) is delivered again — a start finds its workflow running, a signal
// arrives twice.
import type { Logger } from 'pino';
import type { Database } from '../../db/database';
import { THIS_PROCESS } from '../gateway';
import type { FlowTemporal } from '../workflows';
import { deliverRow } from './deliver';
import { listenForOutbox, type OutboxListener } from './listener';
import { errorCode, retryDelayMs } from './retry';
import { claimDueRows, markDelivered, markFailed, purgeDelivered, type ClaimedRow } from './rows';

export interface DispatcherOptions {
  /** The application's pool (role tingvalla_app). */
  db: Database;
  /** The application role's URL, for the LISTEN connection. */
  listenUrl: string;
  temporal: FlowTemporal;
  logger: Logger;
  /** Only the rows this process wrote: test platforms share one database but each runs its own task queue. */
  onlyRowsWrittenHere?: boolean;
  /** Polling when no notification comes (default 2 s). */
  pollMs?: number;
  batchSize?: number;
  /** Deliveries at once within a round. */
  concurrency?: number;
  /** How long a claimed row is this dispatcher's; must exceed callTimeoutMs. */
  leaseSeconds?: number;
  callTimeoutMs?: number;
  /** The longest pause between two attempts of a row (default 5 minutes). */
  maxRetryMs?: number;
  keepDeliveredDays?: number;
  purgeEveryMs?: number;
}

export interface DispatcherCounts {
  claimed: number;
  delivered: number;
  /** Nothing left to tell: the instance or its workflow had ended. */
  skipped: number;
  failed: number;
  /** Claimed but not tried: Temporal was found away earlier in the round, or the lease was running out. */
  released: number;
}

/** What a round has learnt so far. */
interface Round {
  startedAt: number;
  /** The code of a failure that says Temporal itself is away (not just this row's call). */
  temporalAway?: string;
}

const TEMPORAL_AWAY = new Set(['unavailable', 'deadline_exceeded']);
/** Room left in a lease for the database work around a delivery. */
const LEASE_MARGIN_MS = 5000;

async function inParallel<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

export class OutboxDispatcher {
  readonly counts: DispatcherCounts = { claimed: 0, delivered: 0, skipped: 0, failed: 0, released: 0 };
  private readonly o: Required<Omit<DispatcherOptions, 'onlyRowsWrittenHere'>> & { onlyRowsWrittenHere: boolean };
  private stopping = false;
  private nudged = false;
  private wake: (() => void) | undefined;
  private readonly loop: Promise<void>;
  private readonly listener: OutboxListener;

  private constructor(opts: DispatcherOptions) {
    this.o = { pollMs: 2000, batchSize: 50, concurrency: 8, leaseSeconds: 60, callTimeoutMs: 5000, maxRetryMs: 5 * 60_000, keepDeliveredDays: 7, purgeEveryMs: 60 * 60_000, onlyRowsWrittenHere: false, ...opts };
    if (this.lastStartMs() <= 0) throw new Error('flow outbox: leaseSeconds must leave room for callTimeoutMs');
    this.listener = listenForOutbox(this.o.listenUrl, () => this.nudge(), this.o.logger);
    this.loop = this.run();
  }

  static start(opts: DispatcherOptions): OutboxDispatcher {
    return new OutboxDispatcher(opts);
  }

  /** Finishes the round under way (its deliveries are marked) and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.listener.close();
  }

  /** Deletes the rows delivered more than keepDeliveredDays ago (of every tenant). */
  purge(): Promise<number> {
    return purgeDelivered(this.o.db, this.o.keepDeliveredDays);
  }

  /** How long into a round a delivery may still begin and finish within the lease. */
  private lastStartMs(): number {
    return this.o.leaseSeconds * 1000 - this.o.callTimeoutMs - LEASE_MARGIN_MS;
  }

  private nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    let nextPurgeAt = 0;
    while (!this.stopping) {
      let more = false;
      try {
        if (Date.now() >= nextPurgeAt) {
          nextPurgeAt = Date.now() + this.o.purgeEveryMs;
          const purged = await this.purge();
          if (purged > 0) this.o.logger.info({ purged }, 'flow outbox: delivered rows purged');
        }
        more = (await this.round()) > 0;
      } catch (err) {
        // The database is away: the next round tries again; claimed rows come back when their lease ends.
        this.o.logger.warn({ err: { code: errorCode(err) } }, 'flow outbox: a round failed');
      }
      if (!more) await this.sleep(this.o.pollMs);
    }
  }

  /** One claim and its deliveries; returns how many rows were claimed. */
  private async round(): Promise<number> {
    this.nudged = false;
    const round: Round = { startedAt: Date.now() }; // no later than the leases begin
    const rows = await claimDueRows(this.o.db, { limit: this.o.batchSize, leaseSeconds: this.o.leaseSeconds, ...(this.o.onlyRowsWrittenHere ? { writtenBy: THIS_PROCESS } : {}) });
    this.counts.claimed += rows.length;
    await inParallel(rows, this.o.concurrency, (row) => this.handle(row, round));
    return rows.length;
  }

  private async handle(row: ClaimedRow, round: Round): Promise<void> {
    const about = { outboxRow: row.id, tenantId: row.tenantId, instanceId: row.instanceId, kind: row.kind, attempts: row.attempts };
    const lateInLease = Date.now() - round.startedAt > this.lastStartMs();
    if (round.temporalAway || lateInLease) {
      this.counts.released++;
      const code = round.temporalAway ?? 'lease_ending';
      await this.leaveForLater(row, about, round.temporalAway ? retryDelayMs(row.attempts, this.o.maxRetryMs) : 0, code);
      return;
    }
    let outcome: Awaited<ReturnType<typeof deliverRow>>;
    try {
      outcome = await deliverRow({ db: this.o.db, temporal: this.o.temporal, callTimeoutMs: this.o.callTimeoutMs }, row);
    } catch (err) {
      const code = errorCode(err);
      if (TEMPORAL_AWAY.has(code)) round.temporalAway ??= code;
      const retryInMs = retryDelayMs(row.attempts, this.o.maxRetryMs);
      this.counts.failed++;
      this.o.logger.warn({ ...about, code, retryInMs: Math.round(retryInMs) }, 'flow outbox: delivery failed; will retry');
      await this.leaveForLater(row, about, retryInMs, code);
      return;
    }
    if (outcome === 'delivered') this.counts.delivered++;
    else this.counts.skipped++;
    if (outcome !== 'delivered') this.o.logger.info({ ...about, outcome }, 'flow outbox: nothing to tell');
    await markDelivered(this.o.db, row).catch((e: unknown) => this.o.logger.warn({ ...about, code: errorCode(e) }, 'flow outbox: delivered but not marked; it will be delivered again'));
  }

  private async leaveForLater(row: ClaimedRow, about: object, retryInMs: number, code: string): Promise<void> {
    await markFailed(this.o.db, row, retryInMs, code).catch((e: unknown) => this.o.logger.warn({ ...about, code: errorCode(e) }, 'flow outbox: could not record the failure; the lease brings the row back'));
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping || this.nudged) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
