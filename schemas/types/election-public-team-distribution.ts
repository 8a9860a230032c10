/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A team's task slots in the active elections: fill status per work location and date, the team's invite link when one works, and the working links of its single vacant tasks.
 */
export interface ElectionPublicTeamDistribution {
  team: {
    id: string;
    name: string;
  };
  rows: {
    electionId: string;
    workLocation: {
      id: string;
      name: string;
    };
    date: string;
    /**
     * The slots and how many are accepted, invited (not answered yet) and vacant.
     */
    fill: {
      slots: number;
      accepted: number;
      invited: number;
      vacant: number;
    };
  }[];
  teamLink: null | {
    id: string;
    kind: "task" | "team";
    /**
     * The link on this public site.
     */
    url: string;
    expiresAt: string;
    slotId?: string;
  };
  taskLinks: {
    id: string;
    kind: "task" | "team";
    /**
     * The link on this public site.
     */
    url: string;
    expiresAt: string;
    slotId?: string;
  }[];
}
