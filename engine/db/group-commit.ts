// Group commit: calls that would each be a round trip and a commit of their own go to the database together.
// Calls that share a lane (a key, e.g. the votes for one thing) line up; while `maxInFlight` batches of that lane are
// at the database, new calls wait and leave together with the next batch — so a call alone is sent at once
// (no added latency when it is quiet), and under load one round trip and one commit serve many calls. Every
// call is answered only when the batch that carried it has committed; a batch that fails fails each of its calls.
// The batch function answers one result per item, in the items' order (a per-item outcome, not a thrown error,
// for what concerns one item only).
//
// Hand-written rather than DataLoader: DataLoader batches what arrives within one tick and caches by key, while
// this must hold calls back while a batch is in flight (that is where the grouping comes from) and never merge
// two calls with the same item.

export interface GroupCommitOptions {
  /** Batches of one lane at the database at once (default 2: one being answered while the next is sent). */
  maxInFlight?: number;
  /** The most items in one batch (default 200). */
  maxBatch?: number;
  /**
   * Hold a lane's first call for one turn of the event loop (setImmediate) before sending it, so the calls a burst
   * of requests makes in the same turn leave together (default false: sent at once). Costs a quiet call one turn.
   */
  gatherOneTurn?: boolean;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (reason: unknown) => void;
}

interface Lane<I, O> {
  queue: Waiting<I, O>[];
  inFlight: number;
  /** A send is scheduled for the next turn (gatherOneTurn). */
  gathering?: boolean;
}

export class GroupCommit<I, O> {
  private readonly lanes = new Map<string, Lane<I, O>>();
  private readonly maxInFlight: number;
  private readonly maxBatch: number;
  private readonly gatherOneTurn: boolean;
  /** Batches sent, items carried and the milliseconds batches were out (summed), for benchmarks and tests. */
  readonly counts = { batches: 0, items: 0, ms: 0 };

  constructor(
    private readonly runBatch: (lane: string, items: I[]) => Promise<O[]>,
    options: GroupCommitOptions = {},
  ) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 2);
    this.maxBatch = Math.max(1, options.maxBatch ?? 200);
    this.gatherOneTurn = options.gatherOneTurn ?? false;
  }

  submit(lane: string, item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      let l = this.lanes.get(lane);
      const fresh = !l;
      if (!l) this.lanes.set(lane, (l = { queue: [], inFlight: 0 }));
      l.queue.push({ item, resolve, reject });
      if (fresh && this.gatherOneTurn) {
        const gathered = l;
        gathered.gathering = true;
        setImmediate(() => {
          gathered.gathering = false;
          this.pump(lane, gathered);
        });
      } else if (!l.gathering) this.pump(lane, l);
    });
  }

  private pump(key: string, lane: Lane<I, O>): void {
    while (lane.inFlight < this.maxInFlight && lane.queue.length > 0) {
      const batch = lane.queue.splice(0, this.maxBatch);
      lane.inFlight++;
      this.counts.batches++;
      this.counts.items += batch.length;
      void this.send(key, batch).finally(() => {
        lane.inFlight--;
        if (lane.inFlight === 0 && lane.queue.length === 0) this.lanes.delete(key);
        else this.pump(key, lane);
      });
    }
  }

  private async send(key: string, batch: Waiting<I, O>[]): Promise<void> {
    const started = performance.now();
    try {
      const results = await this.runBatch(key, batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      for (const w of batch) w.reject(err);
    } finally {
      this.counts.ms += performance.now() - started;
    }
  }
}
