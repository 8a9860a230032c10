/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A file to attach to a task type: PDF, ODT or DOCX, at most 5 MiB decoded, base64 in the JSON body. Its type is read from its bytes (never from the name): anything else is refused 400 election.fileType, a larger one 413 election.fileTooLarge.
 */
export interface ElectionTaskTypeFileInput {
  /**
   * Shown and sent back on download (its last path part, printable characters only).
   */
  fileName: string;
  /**
   * The bytes, base64.
   */
  contentBase64: string;
}
