/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * What a task link offers on the public site: the election, the team (team link), and the vacant tasks grouped by work location, task type, team and date with how many are vacant (a task link: its one slot while vacant). Trusted task types are never offered by a tasks or team link. Nothing about any participant.
 */
export interface ElectionLinkOffer {
  kind: "task" | "tasks" | "team";
  election: {
    title: string;
    electionDay: string;
  };
  team?: {
    name: string;
    description?: string;
  };
  /**
   * @maxItems 2000
   */
  tasks: {
    /**
     * A task link's slot.
     */
    slotId?: string;
    /**
     * The group's ids, which a sign-up names as its choice (with the date).
     */
    group?: {
      workLocationId: string;
      taskTypeId: string;
      teamId: string;
    };
    date: string;
    workLocation: {
      name: string;
      address: string;
      areaName: string;
    };
    taskType: {
      title: string;
      description: string;
      /**
       * HH:MM
       */
      start: string;
      /**
       * HH:MM
       */
      end: string;
      /**
       * 0: none (not shown).
       */
      payment: number;
    };
    team: {
      name: string;
    };
    vacant: number;
  }[];
}
