/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The instance's status and timeline after the decision.
 */
export interface TaskDecided {
  status: string;
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
