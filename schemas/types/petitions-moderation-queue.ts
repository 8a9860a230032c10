/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Proposals awaiting moderation, the one waiting longest first.
 */
export interface PetitionModerationQueue {
  total: number;
  /**
   * After this many days waiting a proposal is overdue.
   */
  dueDays: number;
  items: PetitionModerationItem[];
}
export interface PetitionModerationItem {
  id: string;
  title: string;
  summary: string;
  content: {};
  waitingSince: string;
  waitingSeconds: number;
  waitingDays: number;
  /**
   * The moderation target of the petition's flow version (moderationTargetDays), in days.
   */
  dueDays: number;
  /**
   * Marked overdue by the flow's moderation reminder, or waiting longer than its target already.
   */
  overdue: boolean;
  resubmissions: number;
  corrected: boolean;
}
