/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Every error response (RFC 9457 problem+json) with a stable code; validation problems list each field.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: {
    /**
     * JSON pointer to the field
     */
    field: string;
    /**
     * Stable code of the problem (schema.<Ajv keyword>, form.*, flow.*), which the pages translate
     */
    code?: string;
    /**
     * What the code's text is filled with (for schema.* Ajv's params: limit, missingProperty, allowedValues, format, pattern …)
     */
    params?: {};
    /**
     * In English, for API users and logs
     */
    message: string;
  }[];
}
