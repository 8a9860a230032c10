/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * One petition: the proposal, its count, the next threshold, the days left, the votes per day and the timeline. The public sees published petitions only; the admin site adds the moderation.
 */
export interface PetitionDetail {
  id: string;
  status:
    | "awaitingConfirmation"
    | "awaitingModeration"
    | "returned"
    | "rejected"
    | "open"
    | "closed"
    | "inHandling"
    | "answered";
  title: string;
  summary: string;
  /**
   * The proposal's answers (never the proposer's e-mail).
   */
  content: {};
  /**
   * Shown as the proposer until erased.
   */
  proposerName: string | null;
  corrected: boolean;
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  answeredAt: string | null;
  votes: number;
  thresholds: number[];
  /**
   * The lowest threshold not reached yet.
   */
  nextThreshold: number | null;
  daysLeft: number | null;
  reached: {
    threshold: number;
    at: string;
  }[];
  /**
   * Votes per day (the tenant's time zone).
   */
  days: {
    day: string;
    votes: number;
  }[];
  timeline: PetitionTimelineEntry[];
  /**
   * Moderators only.
   */
  moderation?: {
    reason: ("duplicate" | "outsideCompetence" | "offensive" | "personalData" | "other") | null;
    message: string | null;
    moderatedAt: string | null;
    /**
     * The proposal as the proposer sent it, when a moderator corrected it.
     */
    original: {} | null;
    resubmissions: number;
    waitingSince: string | null;
  };
}
export interface PetitionTimelineEntry {
  kind: "published" | "thresholdReached" | "closed" | "update" | "answer" | "decision";
  at: string;
  /**
   * thresholdReached: the threshold.
   */
  threshold?: number;
  /**
   * closed: the final count.
   */
  votes?: number;
  /**
   * update, answer, decision: the post's id.
   */
  id?: string;
  text?: string;
  attachment?: {
    name: string;
    type: string;
    bytes: number;
    /**
     * Where to fetch it (GET, raw PDF).
     */
    path: string;
  } | null;
}
