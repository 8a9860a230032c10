// The interpreter's data: what a flow instance remembers (FlowState), what reaches it (FlowInput) and what it
// asks the world to do (FlowCommand). All plain JSON: the state crosses continue-as-new and the preview.
import type { Duration, FlowDefinitionDraft } from '../../../schemas/types/flows-flow-definition-draft';

export type FlowDefinition = FlowDefinitionDraft;
export type { Duration };

/** What the pure core needs besides the definition: fixed for an instance's run. */
export interface FlowContext {
  zone: string;
  parameters: Record<string, unknown>;
  /** The subject's facts the conditions read (only the `var`s they name are fetched), e.g. answers. */
  facts: Record<string, unknown>;
}

export interface FlowEvent {
  seq: number;
  type: string;
  at: string;
  status?: string;
  task?: string;
  decision?: string;
}

export interface TaskState {
  key: string;
  rule: string;
  role: string;
  decisions: string[];
  form?: string;
  openedAt: string;
  decision?: string;
  decidedAt?: string;
  decidedBy?: string;
}

export type TimelineKind = 'started' | 'event' | 'status' | 'action' | 'task' | 'decision' | 'deadlineExtended' | 'deadlineClosed' | 'skipped' | 'ended';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  rule?: string;
  action?: string;
  /** Status, event type, task key, template — never personal data. */
  detail?: string;
}

export interface FlowState {
  status: string;
  startedAt: string;
  seq: number;
  events: FlowEvent[];
  /** Per series (rule + anchor), how many occurrences have fired or been skipped. */
  fired: Record<string, number>;
  counters: Record<string, number>;
  /** Extensions granted per deadline, in the order given. */
  extensions: Record<string, Duration[]>;
  /** Deadlines brought forward to a moment (an administrator closed a vote window early); absent in older states. */
  closedEarly?: Record<string, string>;
  /** The subject's dates (ISO), e.g. submittedAt or a module's own; `datesAt` is when they were last learnt. */
  dates: Record<string, string>;
  datesAt: string;
  tasks: Record<string, TaskState>;
  timeline: TimelineEntry[];
  endedAt?: string;
}

export type FlowInput =
  | { kind: 'tick'; at: string }
  | { kind: 'event'; at: string; type: string; status?: string; task?: string; decision?: string }
  | { kind: 'decide'; at: string; task: string; decision: string; by: string }
  | { kind: 'extendDeadline'; at: string; deadline: string; by: Duration; actor: string }
  | { kind: 'closeDeadline'; at: string; deadline: string; actor: string }
  | { kind: 'datesChanged'; at: string; dates: Record<string, string> };

/** A side effect, run by the workflow as an activity; `key` is unique within the instance (idempotency). */
export interface FlowCommand {
  key: string;
  rule: string;
  action: string;
  config: Record<string, unknown>;
  at: string;
}

export interface StepResult {
  state: FlowState;
  commands: FlowCommand[];
}

/** One timer occurrence that will come due unless something changes first. */
export interface DueOccurrence {
  at: string;
  rule: string;
  series: string;
  occurrence: number;
}
