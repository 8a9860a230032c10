// A person cannot hold two tasks that overlap in time on one day. Tasks are a date and a task type's start and
// end (the database keeps start < end: no task runs past midnight). Two tasks overlap when they are on the same
// date and their time ranges share a moment; ranges that only touch (08:00–12:00 and 12:00–16:00) do not.
// Pure: the caller brings the tasks the person already holds.
import { electionConflict } from './errors';
import type { ConflictError } from '../../errors';

export interface TaskTime {
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM (24-hour; a database `time` as `HH:MM:SS` is read by its first five characters). */
  start: string;
  end: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes since midnight of an `HH:MM` (or `HH:MM:SS`, seconds ignored) time. */
function minutes(time: string): number {
  if (!TIME.test(time)) throw new Error('a task time must be HH:MM');
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function checked(task: TaskTime): { date: string; start: number; end: number } {
  if (!DATE.test(task.date)) throw new Error('a task date must be YYYY-MM-DD');
  const start = minutes(task.start);
  const end = minutes(task.end);
  if (end <= start) throw new Error('a task must end after it starts');
  return { date: task.date, start, end };
}

/** Whether two tasks overlap: same date and time ranges that intersect (touching ends do not). */
export function overlaps(a: TaskTime, b: TaskTime): boolean {
  const x = checked(a);
  const y = checked(b);
  return x.date === y.date && x.start < y.end && y.start < x.end;
}

/** The first of the held tasks that `newTask` overlaps, or undefined when it fits. */
export function findOverlap<T extends TaskTime>(newTask: TaskTime, heldTasks: readonly T[]): T | undefined {
  return heldTasks.find((held) => overlaps(newTask, held));
}

/** The refusal when `newTask` overlaps a held task: 409 `election.overlap` {date, start, end} of the held task. */
export function overlapRefusal(held: TaskTime): ConflictError {
  const params = { date: held.date, start: held.start.slice(0, 5), end: held.end.slice(0, 5) };
  return electionConflict('election.overlap', `the person already holds a task on ${params.date} from ${params.start} to ${params.end}`, params);
}

/** Throws the overlap refusal when `newTask` overlaps one of the held tasks. */
export function assertNoOverlap(newTask: TaskTime, heldTasks: readonly TaskTime[]): void {
  const held = findOverlap(newTask, heldTasks);
  if (held) throw overlapRefusal(held);
}
