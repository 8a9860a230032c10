/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface FlowInstanceDetail {
  instance: FlowInstance;
  timeline: FlowTimeline;
  communications: Communication[];
}
export interface FlowInstance {
  id: string;
  flowId: string;
  flowKey: string;
  version: number;
  status: string;
  subjectType: string;
  startedAt: string;
  endedAt: string | null;
  migratedFrom: number | null;
}
/**
 * A running instance's state as its workflow tells it: status, tasks, the next due time and what happened.
 */
export interface FlowTimeline {
  instanceId: string;
  flowKey: string;
  version: number;
  status: string;
  startedAt: string;
  endedAt?: string;
  nextDue?: {
    at: string;
    rule: string;
  };
  tasks: {
    key: string;
    rule: string;
    role: string;
    decisions: string[];
    form?: string;
    openedAt: string;
    decision?: string;
    decidedAt?: string;
    decidedBy?: string;
  }[];
  timeline: TimelineEntry[];
}
export interface TimelineEntry {
  at: string;
  kind:
    | "started"
    | "event"
    | "status"
    | "action"
    | "task"
    | "decision"
    | "deadlineExtended"
    | "deadlineClosed"
    | "skipped"
    | "ended";
  rule?: string;
  action?: string;
  /**
   * Status, event type, task key, template — never personal data.
   */
  detail?: string;
}
export interface Communication {
  id: string;
  instanceId: string | null;
  templateKey: string;
  /**
   * The channel that took the message, or the last one tried; null while none was tried.
   */
  channel: string | null;
  /**
   * The order the channels are tried in.
   *
   * @maxItems 3
   */
  channels?: ("email" | "digitalPost" | "sms")[];
  /**
   * Named by role, never an address.
   */
  recipient: string;
  status: string;
  error: string | null;
  /**
   * Ids only: what the message is about.
   */
  refs?: {
    [k: string]: string;
  };
  createdAt: string;
  sentAt: string | null;
  deliveredAt?: string | null;
}
