/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * GET /api/election/public/me/tasks: the logged-in participant's tasks (invited and accepted), by date.
 */
export interface ElectionPublicMeTasks {
  /**
   * @maxItems 1000
   */
  items: {
    slotId: string;
    state: "invited" | "accepted";
    date: string;
    start: string;
    end: string;
    election: {
      id: string;
      title: string;
      electionDay: string;
      lockStarts: string;
    };
    /**
     * Inside the election's lock period: no unregistering.
     */
    locked: boolean;
    past: boolean;
    taskType: {
      title: string;
      description: string;
      payment: string;
    };
    workLocation: {
      name: string;
      address: string;
      postalCode: string;
      city: string;
    };
    team: string;
    /**
     * @maxItems 100
     */
    files: {
      id: string;
      name: string;
      contentType: string;
      size: number;
    }[];
  }[];
}
