/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The logged-in person's own profile (GET /api/me).
 */
export interface Me {
  displayName: string;
  kind: "citizen" | "employee";
  /**
   * Masked (date part only); the whole number is never sent to a profile page.
   */
  personalNumberMasked: string | null;
}
