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
    field: string;
    message: string;
  }[];
}
