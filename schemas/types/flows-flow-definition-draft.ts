/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export type Key = string;
/**
 * flow.started, statusEntered, taskCompleted, deadlineExtended, or a module's event such as vote.cast.
 */
export type EventName = string;
/**
 * A whole number, or a parameter's value.
 */
export type Amount = number | ParamRef;
export type When =
  | AnEvent
  | ATimeAfterAnEventOrADateOfTheSubject
  | ATimeBeforeADateOfTheSubject
  | RepeatedlyFromAnEventUntilAStop
  | ADeadlineIsReached
  | ACounterReachesAThreshold;
export type ATimeAfterAnEventOrADateOfTheSubject = (
  | {
      event: unknown;
    }
  | {
      date: unknown;
    }
) & {
  on: "after";
  duration: Duration;
  event?: EventMatch;
  date?: Key;
};
/**
 * Ends an `every`: an event after its start, a time before a date of the subject, or a deadline.
 */
export type Stop =
  | {
      on: "event";
      event: EventMatch;
    }
  | {
      on: "before";
      duration: Duration;
      date: Key;
    }
  | {
      on: "deadline";
      deadline: Key;
    };

/**
 * A process as data: statuses plus ordered rules "when … if … then …". A draft may be incomplete; flow-definition-publishable.schema.json and engine/flows/publishable.ts say what publishing needs. One interpreter workflow runs every published version (workflows/flow).
 */
export interface FlowDefinitionDraft {
  schemaVersion: 1;
  /**
   * Stable name of the flow within the tenant (search attribute FlowKey).
   */
  key: string;
  /**
   * The module the flow belongs to, one of engine/modules/index.ts (publishing checks it is installed).
   */
  module: string;
  /**
   * What an instance is about, e.g. formSubmission; the module that registers it fetches its data, dates and recipients.
   */
  subjectType: string;
  name?: Localized;
  description?: LocalizedLong;
  /**
   * @maxItems 30
   */
  statuses?: Status[];
  parameters?: Parameters;
  /**
   * @maxItems 10
   */
  deadlines?: Deadline[];
  /**
   * @maxItems 10
   */
  counters?: Counter[];
  /**
   * @maxItems 100
   */
  rules?: Rule[];
}
export interface Localized {
  da?: string;
  sv?: string;
  en?: string;
}
export interface LocalizedLong {
  da?: string;
  sv?: string;
  en?: string;
}
export interface Status {
  key: Key;
  label?: Localized;
  initial?: boolean;
  /**
   * The instance ends when it enters a final status and every rule it started has nothing more due.
   */
  final?: boolean;
}
/**
 * A JSON Schema object of numbers, whole numbers, texts and yes/no values, each bounded and with a default.
 */
export interface Parameters {
  type?: "object";
  properties?: {
    [k: string]: {
      type: "integer" | "number" | "string" | "boolean";
      /**
       * A plain title (JSON Schema's own); the editor shows `titles` in the page's language when there.
       */
      title?: string;
      titles?: Localized1;
      /**
       * What the number counts, shown beside the input with the bounds.
       */
      unit?: "days" | "weeks" | "months" | "hours" | "count";
      description?: string;
      minimum?: number;
      maximum?: number;
      maxLength?: number;
      /**
       * @maxItems 50
       */
      enum?: unknown[];
      default?: unknown;
    };
  };
}
/**
 * The parameter's title per language (da, sv, en), shown in the flow editor.
 */
export interface Localized1 {
  da?: string;
  sv?: string;
  en?: string;
}
export interface Deadline {
  key: Key;
  label?: Localized;
  from?:
    | {
        event: EventMatch;
      }
    | {
        date: Key;
      };
  duration?: Duration;
  /**
   * Who may extend the deadline, and by how much at most in total.
   */
  extension?: {
    role: Key;
    max: Duration;
  };
}
export interface EventMatch {
  event: EventName;
  /**
   * statusEntered: only this status.
   */
  status?: string;
  /**
   * taskCompleted: only this task.
   */
  task?: string;
  /**
   * taskCompleted: only this decision.
   */
  decision?: string;
}
/**
 * Calendar units added in the tenant's time zone (a month after 31 January is the last day of February); `at` then sets the time of day.
 */
export interface Duration {
  months?: Amount;
  weeks?: Amount;
  days?: Amount;
  hours?: Amount;
  minutes?: Amount;
  /**
   * Time of day, HH:MM, in the tenant's time zone.
   */
  at?: string;
}
export interface ParamRef {
  $param: Key;
}
export interface Counter {
  key: Key;
  label?: Localized;
  /**
   * flow.started, statusEntered, taskCompleted, deadlineExtended, or a module's event such as vote.cast.
   */
  event: string;
}
export interface Rule {
  /**
   * Stable within the flow: part of every action's idempotency key.
   */
  id: string;
  label?: Localized;
  when: When;
  /**
   * JSON Logic over subject, answers, event, counters, parameters and status, with the operators engine/flows/publishable.ts allows.
   */
  if?: {};
  /**
   * @maxItems 10
   */
  then?: Action[];
}
export interface AnEvent {
  on: "event";
  event: EventMatch;
}
export interface ATimeBeforeADateOfTheSubject {
  on: "before";
  duration: Duration;
  date: Key;
}
export interface RepeatedlyFromAnEventUntilAStop {
  on: "every";
  duration: Duration;
  event: EventMatch;
  /**
   * @maxItems 5
   */
  until?: Stop[];
  maxCount?: Amount;
}
export interface ADeadlineIsReached {
  on: "deadline";
  deadline: Key;
}
export interface ACounterReachesAThreshold {
  on: "threshold";
  counter: Key;
  atLeast: Amount;
}
export interface Action {
  /**
   * A registered action: setStatus, notify, createTask, extendDeadline, startChildFlow, deletePersonalData, or a module's own.
   */
  action: string;
  /**
   * Checked against the action's own config schema (engine/flows/actions) when publishing.
   */
  config?: {};
}
