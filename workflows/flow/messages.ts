// The flow workflow's messages. Domain events come as Signals (fire and forget); a human decision and a
// deadline extension come as Updates, so the caller learns at once whether the validator accepted them;
// the timeline is a Query. Arguments carry ids and keys only, never personal data.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Duration, FlowState, TaskState, TimelineEntry } from './core/types';

export interface FlowWorkflowInput {
  tenantId: string;
  instanceId: string;
}

/** An actor as the API authenticated it: id and roles, nothing else. */
export interface FlowActor {
  id: string;
  roles: string[];
}

export interface FlowEventSignal {
  type: string;
}

export interface DecideUpdate {
  task: string;
  decision: string;
  actor: FlowActor;
}

export interface ExtendDeadlineUpdate {
  deadline: string;
  by: Duration;
  actor: FlowActor;
}

export interface CloseDeadlineUpdate {
  deadline: string;
  actor: FlowActor;
}

export interface MigrateSignal {
  /** Status of the old version → status of the new one; a status not named keeps its key. */
  statusMap: Record<string, string>;
}

export interface FlowTimeline {
  instanceId: string;
  flowKey: string;
  version: number;
  status: string;
  startedAt: string;
  endedAt?: string;
  nextDue?: { at: string; rule: string };
  tasks: TaskState[];
  timeline: TimelineEntry[];
}

export const flowEventSignal = defineSignal<[FlowEventSignal]>('flowEvent');
/** The subject's dates or facts changed: the workflow fetches them again and recomputes its timers. */
export const subjectChangedSignal = defineSignal('subjectChanged');
/** An administrator moved the instance to the flow's latest version (the row already says which). */
export const migrateSignal = defineSignal<[MigrateSignal]>('migrate');
export const decideUpdate = defineUpdate<FlowTimeline, [DecideUpdate]>('decide');
export const extendDeadlineUpdate = defineUpdate<FlowTimeline, [ExtendDeadlineUpdate]>('extendDeadline');
/** Brings a deadline forward to now (a vote window closed early): whoever may extend it may close it. */
export const closeDeadlineUpdate = defineUpdate<FlowTimeline, [CloseDeadlineUpdate]>('closeDeadline');
export const timelineQuery = defineQuery<FlowTimeline>('timeline');

export type { FlowState };
