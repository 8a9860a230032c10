/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The whole mapping of task types to the national election system's role names (in Denmark Valg Central accepts "Valgsekretær" and "Tilforordnet"). Task types left out, or given null, are not mapped.
 */
export interface ElectionSystemRoles {
  /**
   * @maxItems 500
   */
  items: {
    taskTypeId: string;
    roleName: string | null;
    /**
     * false: the task type is left out of the file on purpose (not the same as not mapped, which the export refuses).
     */
    exported?: boolean;
  }[];
}
