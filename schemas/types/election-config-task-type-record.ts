/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A task type with its attached files (never their bytes).
 */
export interface ElectionTaskType {
  id: string;
  title: string;
  shortName: string;
  description: string;
  startTime: string;
  endTime: string;
  /**
   * Kroner; null when the task is unpaid (then no payment is shown anywhere).
   */
  payment: number | null;
  trusted: boolean;
  reminders: boolean;
  fieldsFormId: string | null;
  files: ElectionTaskTypeFile[];
}
/**
 * A file attached to a task type: its name, its type (read from its bytes) and size, never the bytes (GET …/files/:fileId sends those).
 */
export interface ElectionTaskTypeFile {
  id: string;
  fileName: string;
  contentType:
    | "application/pdf"
    | "application/vnd.oasis.opendocument.text"
    | "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  sizeBytes: number;
  createdAt: string;
}
