/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A polling station's task slots in an election, by date, task type's start time, task type and team.
 */
export interface ElectionSlotTasks {
  workLocation: ElectionSlotTasksWorkLocation;
  slots: ElectionTaskSlot[];
}
export interface ElectionSlotTasksWorkLocation {
  id: string;
  name: string;
  areaName: string;
}
export interface ElectionTaskSlot {
  id: string;
  date: string;
  taskType: ElectionTaskSlotTaskType;
  team: ElectionTaskSlotTeam;
  state: "vacant" | "invited" | "accepted";
  participant?: ElectionTaskSlotParticipant;
  /**
   * Registered by an administrator without an invitation.
   */
  registeredDirectly: boolean;
  /**
   * An administrator answered the invitation on the holder's behalf.
   */
  answeredOnBehalf: boolean;
  invitedAt?: string;
  answeredAt?: string;
  /**
   * Offered to someone once (invited or rejected): never moved to another team nor removed.
   */
  everInvited: boolean;
}
export interface ElectionTaskSlotTaskType {
  id: string;
  title: string;
  shortName: string;
  start: string;
  end: string;
  trusted: boolean;
}
export interface ElectionTaskSlotTeam {
  id: string;
  name: string;
}
/**
 * The holder, when the slot is not vacant.
 */
export interface ElectionTaskSlotParticipant {
  id: string;
  name: string;
  personalNumberMasked: string;
}
