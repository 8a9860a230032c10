/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An election's deletion after the election: its dates, phase, postponement, counts and the review list (who will be deleted, who is kept and why).
 */
export interface ElectionRetentionReview {
  electionId: string;
  title: string;
  electionDay: string;
  active: boolean;
  /**
   * The day an active election becomes inactive: the day after its last task date.
   */
  deactivateOn: string | null;
  deletionDate: string;
  /**
   * Two weeks before the deletion date: the administrators' review opens.
   */
  reviewDate: string;
  latestPostponement: string;
  status: "waiting" | "review" | "deleting" | "keeping" | "done";
  postponement: {
    until: string;
    reason: string;
    at: string;
  } | null;
  counts: {
    delete: number;
    keepConsent: number;
    keepLaterElection: number;
    deleted: number;
  };
  /**
   * @maxItems 5000
   */
  participants: {
    participantId: string;
    name: string;
    decision: "delete" | "keepConsent" | "keepLaterElection";
    consentUntil: string | null;
    laterElection: string | null;
  }[];
  settings: ElectionRetentionSettings;
}
/**
 * The tenant's deletion after the election: how many months after election day the participants who did not consent are deleted (at most 12), and how long a consent to be kept lasts (at most 60 months).
 */
export interface ElectionRetentionSettings {
  monthsAfterElection: number;
  consentMonths: number;
}
