// One fault of the drill and how the stack recovered from it: when it came, how many instances were at which
// stage, and two times — until every role process answered /readyz 200 again, and until every instance whose
// next step was due at that moment (tally.ts, midStep) had moved past it.
import { formatTally, midStep, notMovedOn, seconds, tally, type Stage, type Tally } from './tally';

export interface Fault {
  what: string;
  /** ms since the drill's start. */
  at: number;
  tally: Tally;
  stagesAt: ReadonlyMap<string, Stage>;
  /** The instances whose next step was due at the fault. */
  midStep: string[];
  /** ms since the drill's start, once known. */
  readyAgainAt?: number;
  caughtUpAt?: number;
  /** Of midStep, how many have not moved on at the last look. */
  stillBehind: number;
}

export function recordFault(what: string, at: number, stages: ReadonlyMap<string, Stage>): Fault {
  const mid = midStep(stages);
  return { what, at, tally: tally(stages), stagesAt: stages, midStep: mid, stillBehind: mid.length };
}

/**
 * Updates a fault's recovery from a new look at the processes and the stages; returns what became true at this
 * look (for the timeline). Readiness counts only once the fault's own action is over (`settled`): a restart's
 * processes may still answer before the part they depend on has gone.
 */
export function observeRecovery(f: Fault, now: number, allReady: boolean, settled: boolean, stages: ReadonlyMap<string, Stage> | undefined): string[] {
  const news: string[] = [];
  if (f.readyAgainAt === undefined && settled && allReady) {
    f.readyAgainAt = now;
    news.push(`after "${f.what}": every process ready again (+${seconds(now - f.at)})`);
  }
  if (f.caughtUpAt === undefined && settled && stages) {
    f.stillBehind = notMovedOn(f.stagesAt, stages, f.midStep).length;
    if (f.stillBehind === 0) {
      f.caughtUpAt = now;
      news.push(`after "${f.what}": the ${f.midStep.length} instances mid-step at it have all taken that step (+${seconds(now - f.at)})`);
    }
  }
  return news;
}

export function describeFault(f: Fault): string {
  return `${seconds(f.at).padStart(8)}  ${f.what}  [${formatTally(f.tally)}; mid-step ${f.midStep.length}]`;
}

export function describeRecovery(f: Fault): string {
  const ready = f.readyAgainAt === undefined ? 'a process never answered /readyz 200 again' : `every process ready again after ${seconds(f.readyAgainAt - f.at)}`;
  const caught =
    f.caughtUpAt === undefined
      ? `${f.stillBehind} of the ${f.midStep.length} instances mid-step at it never took that step`
      : `the ${f.midStep.length} instances mid-step at it had all taken that step after ${seconds(f.caughtUpAt - f.at)} (the backlog included)`;
  return `${f.what}: ${ready}; ${caught}`;
}
