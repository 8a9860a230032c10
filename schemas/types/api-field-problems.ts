/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * What stands between a draft and publishing, one per field (empty: it may be published).
 */
export interface FieldProblems {
  problems: {
    /**
     * JSON pointer
     */
    field: string;
    /**
     * Stable code (schema.<Ajv keyword>, form.*, flow.*, preview.*), which the pages translate
     */
    code?: string;
    /**
     * What the code's text is filled with
     */
    params?: {};
    /**
     * In English, for API users and logs
     */
    message: string;
  }[];
}
