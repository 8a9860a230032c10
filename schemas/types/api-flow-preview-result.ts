/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Every reminder, status change, message, task and deletion of the scenario with its date, and warnings.
 */
export interface FlowPreviewResult {
  startAt: string;
  zone: string;
  parameters: {};
  timeline: TimelineEntry[];
  /**
   * What the flow would ask the world to do, each with its idempotency key, rule, action, config and time.
   */
  commands: FlowCommand[];
  warnings: {
    kind: "reminderAfterDeadline" | "deletionTooLate" | "noDeletion" | "inputRefused" | "notEnded";
    at?: string;
    rule?: string;
    /**
     * Stable code (schema.<Ajv keyword>, form.*, flow.*, preview.*), which the pages translate
     */
    code: string;
    /**
     * What the code's text is filled with
     */
    params: {};
    message: string;
  }[];
  endedAt: string | null;
  status: string;
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
export interface FlowCommand {
  key: string;
  rule: string;
  action: string;
  config: {};
  at: string;
}
