// The arithmetic `npm run drill:faults` judges by (scripts/drill-faults/tally.ts): a duplicate it misses would
// let a notification sent twice pass, an instance it counts as moved on would hide a stuck one.
import { countBy, duplicatesBy, groupsWithSeveral, midStep, missingAndUnexpected, notMovedOn, tally, type Stage } from '../../scripts/drill-faults/tally';

const stages = (entries: [string, Stage][]) => new Map(entries);

describe('drill:faults tally', () => {
  it('finds every key sent more than once, most frequent first, and nothing else', () => {
    const received = [{ ref: 'a' }, { ref: 'b' }, { ref: 'a' }, { ref: 'c' }, { ref: 'b' }, { ref: 'a' }];
    expect(duplicatesBy(received, (m) => m.ref)).toEqual([
      { key: 'a', count: 3 },
      { key: 'b', count: 2 },
    ]);
    expect(duplicatesBy([{ ref: 'a' }, { ref: 'b' }], (m) => m.ref)).toEqual([]);
    expect(duplicatesBy([], (m: { ref: string }) => m.ref)).toEqual([]);
    expect(countBy(received, (m) => m.ref).map((d) => d.count)).toEqual([3, 2, 1]);
  });

  it('finds one notification sent under two references, not one sent twice under the same', () => {
    const mail = [
      { to: 'a', subject: 'received', ref: 'r1' },
      { to: 'a', subject: 'received', ref: 'r1' },
      { to: 'b', subject: 'received', ref: 'r2' },
      { to: 'b', subject: 'received', ref: 'r3' },
      { to: 'b', subject: 'approved', ref: 'r4' },
    ];
    expect(groupsWithSeveral(mail, (m) => `${m.to}/${m.subject}`, (m) => m.ref)).toEqual([{ key: 'b/received', values: ['r2', 'r3'] }]);
  });

  it('tells what is missing and what nobody expected', () => {
    expect(missingAndUnexpected(['a', 'b', 'c'], ['b', 'c', 'c', 'd'])).toEqual({ missing: ['a'], unexpected: ['d'] });
    expect(missingAndUnexpected([], [])).toEqual({ missing: [], unexpected: [] });
  });

  it('counts the instances at each stage', () => {
    expect(tally(stages([['1', 'queued'], ['2', 'timer'], ['3', 'timer'], ['4', 'ended']]))).toEqual({ queued: 1, started: 0, timer: 2, due: 0, ended: 1 });
  });

  it('takes as mid-step only the instances whose next step is due, not those waiting on a timer or ended', () => {
    expect(midStep(stages([['1', 'queued'], ['2', 'started'], ['3', 'timer'], ['4', 'due'], ['5', 'ended']]))).toEqual(['1', '2', '4']);
  });

  it('counts an instance as moved on only once it is past the stage it was at', () => {
    const before = stages([['1', 'queued'], ['2', 'started'], ['3', 'due'], ['4', 'started']]);
    const now = stages([['1', 'started'], ['2', 'started'], ['3', 'ended']]);
    expect(notMovedOn(before, now, ['1', '2', '3', '4'])).toEqual(['2', '4']);
  });
});
