/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A timeline preview: the flow's saved draft (or a published version) run on a virtual clock over one scenario.
 */
export interface FlowPreviewRequest {
  /**
   * A published version; the saved draft when left out.
   */
  version?: number;
  /**
   * Parameter values to try instead of the defaults.
   */
  parameters?: {};
  scenario: {
    name?: string;
    /**
     * A suggested scenario may be sent back as it came: its code and params name it and change nothing.
     */
    code?: string;
    params?: {};
    dates?: {
      [k: string]: Duration;
    };
    /**
     * @maxItems 50
     */
    inputs?: {
      after: Duration;
      kind: "event" | "decide" | "extendDeadline";
      /**
       * flow.started, statusEntered, taskCompleted, deadlineExtended, or a module's event such as vote.cast.
       */
      type?: string;
      task?: string;
      decision?: string;
      deadline?: string;
      by?: Duration;
    }[];
    horizon?: Duration;
  };
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
