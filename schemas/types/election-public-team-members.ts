/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A team's members as its responsible sees them: name, phone, e-mail and their tasks (invited or accepted) in the active elections, by name. No personal numbers, addresses or diets.
 */
export interface ElectionPublicTeamMembers {
  team: {
    id: string;
    name: string;
  };
  /**
   * Members before the filters.
   */
  total: number;
  items: {
    participantId: string;
    name: string;
    phone: string | null;
    email: string | null;
    joinedAt: string;
    tasks: {
      slotId: string;
      date: string;
      state: "invited" | "accepted";
      workLocation: {
        id: string;
        name: string;
      };
      taskType: {
        id: string;
        name: string;
      };
      /**
       * HH:MM
       */
      startTime: string;
      /**
       * HH:MM
       */
      endTime: string;
      /**
       * The slot is one of this team's (a member may hold another team's task).
       */
      ofThisTeam: boolean;
    }[];
  }[];
}
