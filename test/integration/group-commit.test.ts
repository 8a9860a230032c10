// Group commit (engine/db/group-commit.ts): a call alone is sent at once; calls that arrive while a lane's
// batches are in flight leave together in the next batch; each gets its own item's result; a failed batch
// fails its calls only; lanes do not wait for each other; with gatherOneTurn, the calls of one turn leave together.
import { GroupCommit } from '../../engine/db/group-commit';

/** A batch function whose batches the test finishes by hand. */
function manualBatches() {
  const sent: { lane: string; items: number[]; finish: (fail?: Error) => void }[] = [];
  const run = (lane: string, items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      sent.push({ lane, items, finish: (fail) => (fail ? reject(fail) : resolve(items.map((i) => `${lane}:${i * 10}`))) });
    });
  return { sent, run };
}

const tick = () => new Promise((r) => setImmediate(r));

it('sends a lone call at once, groups the calls that wait behind the batches in flight, and answers each its own result', async () => {
  const { sent, run } = manualBatches();
  const group = new GroupCommit<number, string>(run, { maxInFlight: 1 });
  const first = group.submit('a', 1);
  await tick();
  expect(sent.map((b) => b.items)).toEqual([[1]]);
  const waiting = [2, 3, 4].map((i) => group.submit('a', i));
  await tick();
  expect(sent).toHaveLength(1); // held back while the first batch is at the database
  sent[0]!.finish();
  expect(await first).toBe('a:10');
  await tick();
  expect(sent.map((b) => b.items)).toEqual([[1], [2, 3, 4]]);
  sent[1]!.finish();
  expect(await Promise.all(waiting)).toEqual(['a:20', 'a:30', 'a:40']);
  expect(group.counts).toEqual({ batches: 2, items: 4, ms: expect.any(Number) });
  expect(group.counts.ms).toBeGreaterThan(0); // both batches were out until finished
});

it('keeps two batches in flight by default, cuts batches at maxBatch, and lanes do not wait for each other', async () => {
  const { sent, run } = manualBatches();
  const group = new GroupCommit<number, string>(run, { maxBatch: 2 });
  const calls = [1, 2, 3, 4, 5].map((i) => group.submit('a', i));
  const other = group.submit('b', 9);
  await tick();
  // 1 and 2 went at once, one batch each (two in flight); 3, 4, 5 wait; b went at once in its own lane.
  expect(sent.map((b) => [b.lane, b.items])).toEqual([['a', [1]], ['a', [2]], ['b', [9]]]);
  sent[2]!.finish();
  expect(await other).toBe('b:90');
  sent[0]!.finish();
  await tick();
  expect(sent.map((b) => b.items)).toEqual([[1], [2], [9], [3, 4]]);
  sent[1]!.finish();
  await tick();
  expect(sent.map((b) => b.items)).toEqual([[1], [2], [9], [3, 4], [5]]);
  sent[3]!.finish();
  sent[4]!.finish();
  expect(await Promise.all(calls)).toEqual(['a:10', 'a:20', 'a:30', 'a:40', 'a:50']);
});

it('fails the calls of a failed batch and goes on with the next', async () => {
  const { sent, run } = manualBatches();
  const group = new GroupCommit<number, string>(run, { maxInFlight: 1 });
  const first = group.submit('a', 1);
  const second = group.submit('a', 2);
  await tick();
  sent[0]!.finish(new Error('connection lost'));
  await expect(first).rejects.toThrow('connection lost');
  await tick();
  sent[1]!.finish();
  expect(await second).toBe('a:20');
});

it('refuses a batch function that answers a different number of results', async () => {
  const group = new GroupCommit<number, string>(async (_lane, items) => items.slice(1).map(String), { maxInFlight: 1 });
  const calls = [1, 2, 3].map((i) => group.submit('a', i));
  await expect(calls[0]).rejects.toThrow(/0 results for 1 items/);
  await expect(calls[1]).rejects.toThrow(/1 results for 2 items/);
  await expect(calls[2]).rejects.toThrow(/1 results for 2 items/);
});

it('with gatherOneTurn, holds a lane’s first call one turn so the calls of the same turn leave with it', async () => {
  const { sent, run } = manualBatches();
  const gathering = new GroupCommit<number, string>(run, { maxInFlight: 1, gatherOneTurn: true });
  const calls = [1, 2, 3].map((i) => gathering.submit('a', i));
  expect(sent).toHaveLength(0); // not sent synchronously
  await tick();
  expect(sent.map((b) => b.items)).toEqual([[1, 2, 3]]);
  sent[0]!.finish();
  expect(await Promise.all(calls)).toEqual(['a:10', 'a:20', 'a:30']);
  // Without it, the first call of the same turn leaves alone.
  const plain = manualBatches();
  const atOnce = new GroupCommit<number, string>(plain.run, { maxInFlight: 1 });
  const more = [1, 2, 3].map((i) => atOnce.submit('a', i));
  await tick();
  expect(plain.sent.map((b) => b.items)).toEqual([[1]]);
  plain.sent[0]!.finish();
  await tick();
  plain.sent[1]!.finish();
  expect(await Promise.all(more)).toEqual(['a:10', 'a:20', 'a:30']);
});
