/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface DeadlineExtension {
  deadline: string;
  by: Duration;
}
/**
 * Calendar units added in the tenant's time zone (a month after 31 January is the last day of February); `at` then sets the time of day.
 */
export interface Duration {
  /**
   * A whole number, or a parameter's value.
   */
  months?: number | ParamRef;
  /**
   * A whole number, or a parameter's value.
   */
  weeks?: number | ParamRef;
  /**
   * A whole number, or a parameter's value.
   */
  days?: number | ParamRef;
  /**
   * A whole number, or a parameter's value.
   */
  hours?: number | ParamRef;
  /**
   * A whole number, or a parameter's value.
   */
  minutes?: number | ParamRef;
  /**
   * Time of day, HH:MM, in the tenant's time zone.
   */
  at?: string;
}
export interface ParamRef {
  $param: string;
}
