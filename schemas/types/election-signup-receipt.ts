/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A task the logged-in citizen holds, as the sign-up's receipt shows it: the election, the task, where and when, and whether their consent was recorded.
 */
export interface ElectionSignupReceipt {
  slotId: string;
  state: "invited" | "accepted";
  election: {
    title: string;
    electionDay: string;
  };
  date: string;
  workLocation: {
    name: string;
    address: string;
  };
  taskType: {
    title: string;
    start: string;
    end: string;
    payment: number;
  };
  team: {
    name: string;
  };
  /**
   * Whether the person's consent to keep their details is on record (given now or before, not withdrawn).
   */
  consentRecorded: boolean;
}
