/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * At most 10 participants matching the search, by name, each with whether they may take THIS slot: eligibility under the election type's rules on the slot's date, a held task the slot would overlap, an earlier rejection of this task type in this election.
 */
export interface ElectionCandidateList {
  /**
   * @maxItems 10
   */
  candidates: {
    id: string;
    name: string;
    personalNumberMasked: string;
    birthDate: string;
    eligibility: {
      eligible: boolean;
      reasons: {
        code:
          | "election.deceased"
          | "election.under18"
          | "election.notResident"
          | "election.notCitizen"
          | "election.disenfranchised";
        params: {};
      }[];
    };
    /**
     * The held task (invited or accepted) this slot would overlap.
     */
    overlap?: {
      slotId: string;
      date: string;
      start: string;
      end: string;
    };
    /**
     * Rejected a task of this type in this election: not to be invited again.
     */
    rejectedBefore: boolean;
    holdsThisSlot: boolean;
  }[];
}
