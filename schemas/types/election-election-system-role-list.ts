/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Every task type of the tenant with the national election system's role it is exported as (null: not mapped), by title in the tenant's language's alphabetical order.
 */
export interface ElectionSystemRoleList {
  items: {
    taskTypeId: string;
    title: string;
    shortName: string;
    roleName: string | null;
    /**
     * false: the task type is left out of the file on purpose (not the same as not mapped, which the export refuses).
     */
    exported: boolean;
  }[];
}
