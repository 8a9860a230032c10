/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A task slot as a work location's task list shows it, after an assignment or an answer; with the invitation link when the command just invited someone.
 */
export interface ElectionAssignedSlot {
  id: string;
  date: string;
  taskType: {
    id: string;
    title: string;
    shortName: string;
    start: string;
    end: string;
    trusted: boolean;
  };
  team: {
    id: string;
    name: string;
  };
  /**
   * A legacy 'rejected' row is shown as vacant (a rejection makes the slot vacant; task_rejections remembers it).
   */
  state: "vacant" | "invited" | "accepted";
  participant?: {
    id: string;
    name: string;
    personalNumberMasked: string;
  };
  registeredDirectly: boolean;
  answeredOnBehalf: boolean;
  invitedAt?: string;
  answeredAt?: string;
  /**
   * Invited at some time, or rejected by someone: such a slot is not moved to another team.
   */
  everInvited: boolean;
  /**
   * The link the participant answers the invitation with (public site). Shown once: only its hash is kept.
   */
  invitationLink?: string;
}
