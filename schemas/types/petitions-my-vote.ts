/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The logged-in citizen and one petition: whether it is open, whether they voted (null once the voters are erased), whether they may withdraw, and whether they may vote at all (with the reason when not).
 */
export interface PetitionMyVote {
  open: boolean;
  voted: boolean | null;
  canWithdraw: boolean;
  eligible: boolean;
  refusal?: {
    code: "petition.voter.assuranceTooLow" | "petition.voter.underAge" | "petition.voter.notResident";
    params: {};
    message: string;
  };
}
