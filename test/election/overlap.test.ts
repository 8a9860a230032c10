// A person cannot hold two tasks that overlap in time on one day (engine/modules/election/overlap.ts): overlapping,
// touching, different dates, contained ranges, and the refusal `election.overlap` naming the held task. Pure.
import { ConflictError } from '../../engine/errors';
import { assertNoOverlap, findOverlap, overlapRefusal, overlaps, type TaskTime } from '../../engine/modules/election/overlap';

const day = '2026-11-03';
const task = (start: string, end: string, date = day): TaskTime => ({ date, start, end });

describe('overlaps', () => {
  it('two tasks on one day whose times intersect overlap, whichever comes first', () => {
    expect(overlaps(task('08:00', '12:00'), task('11:00', '15:00'))).toBe(true);
    expect(overlaps(task('11:00', '15:00'), task('08:00', '12:00'))).toBe(true);
    expect(overlaps(task('08:00', '12:00'), task('11:59', '12:30'))).toBe(true);
  });

  it('touching ends do not overlap: 08:00–12:00 and 12:00–16:00 are fine', () => {
    expect(overlaps(task('08:00', '12:00'), task('12:00', '16:00'))).toBe(false);
    expect(overlaps(task('12:00', '16:00'), task('08:00', '12:00'))).toBe(false);
  });

  it('separate times on one day do not overlap', () => {
    expect(overlaps(task('08:00', '10:00'), task('18:00', '23:30'))).toBe(false);
  });

  it('the same times on different dates do not overlap', () => {
    expect(overlaps(task('08:00', '20:00', '2026-11-03'), task('08:00', '20:00', '2026-11-04'))).toBe(false);
    expect(overlaps(task('08:00', '20:00', '2026-11-03'), task('10:00', '12:00', '2025-11-03'))).toBe(false);
  });

  it('a range inside another overlaps it, both ways; identical ranges overlap', () => {
    expect(overlaps(task('07:00', '22:00'), task('10:00', '12:00'))).toBe(true);
    expect(overlaps(task('10:00', '12:00'), task('07:00', '22:00'))).toBe(true);
    expect(overlaps(task('07:00', '22:00'), task('07:00', '12:00'))).toBe(true);
    expect(overlaps(task('07:00', '22:00'), task('20:00', '22:00'))).toBe(true);
    expect(overlaps(task('09:00', '17:00'), task('09:00', '17:00'))).toBe(true);
  });

  it("reads a database time's HH:MM:SS by its minutes", () => {
    expect(overlaps(task('08:00:00', '12:00:00'), task('12:00', '16:00'))).toBe(false);
    expect(overlaps(task('08:00:00', '12:00:00'), task('11:30:00', '16:00:00'))).toBe(true);
  });

  it('refuses malformed times and tasks that do not end after they start', () => {
    expect(() => overlaps(task('8:00', '12:00'), task('09:00', '10:00'))).toThrow(/HH:MM/);
    expect(() => overlaps(task('08:00', '24:00'), task('09:00', '10:00'))).toThrow(/HH:MM/);
    expect(() => overlaps(task('12:00', '08:00'), task('09:00', '10:00'))).toThrow(/end after/);
    expect(() => overlaps(task('09:00', '10:00', '3/11/2026'), task('09:00', '10:00'))).toThrow(/YYYY-MM-DD/);
  });
});

describe('findOverlap and the refusal', () => {
  const held = [task('08:00', '12:00', '2026-11-02'), task('08:00', '12:00'), task('16:00', '20:00')];

  it('finds the held task the new one overlaps, or none', () => {
    expect(findOverlap(task('11:00', '13:00'), held)).toBe(held[1]);
    expect(findOverlap(task('15:00', '17:00'), held)).toBe(held[2]);
    expect(findOverlap(task('12:00', '16:00'), held)).toBeUndefined();
    expect(findOverlap(task('08:00', '12:00', '2026-11-05'), held)).toBeUndefined();
    expect(findOverlap(task('08:00', '12:00'), [])).toBeUndefined();
  });

  it('keeps the held task as given (with its own fields)', () => {
    const slots = [{ ...task('07:00', '21:00'), slotId: 's-1' }];
    expect(findOverlap(task('09:00', '10:00'), slots)?.slotId).toBe('s-1');
  });

  it('refuses with election.overlap naming the held task', () => {
    expect(() => assertNoOverlap(task('12:00', '16:00'), held)).not.toThrow();
    let error: unknown;
    try {
      assertNoOverlap(task('19:00', '22:00'), held);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).fields).toEqual([
      expect.objectContaining({ field: '/', code: 'election.overlap', params: { date: day, start: '16:00', end: '20:00' } }),
    ]);
  });

  it("gives a database time's HH:MM in the refusal", () => {
    expect(overlapRefusal(task('08:00:00', '12:30:00')).fields?.[0]?.params).toEqual({ date: day, start: '08:00', end: '12:30' });
  });
});
