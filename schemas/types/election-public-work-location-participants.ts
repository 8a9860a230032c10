/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A work location's staff as its responsible sees them, per task date: each date's fill status and the participants holding a task there (invited or accepted) with task, times, age on the date, phone, e-mail and address (null when protected). No personal numbers or diets.
 */
export interface ElectionPublicWorkLocationParticipants {
  workLocation: {
    id: string;
    name: string;
  };
  dates: {
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
    participants: {
      slotId: string;
      participantId: string;
      name: string;
      state: "invited" | "accepted";
      taskType: {
        id: string;
        name: string;
      };
      startTime: string;
      endTime: string;
      team: {
        id: string;
        name: string;
      };
      age: number;
      phone: string | null;
      email: string | null;
      protectedAddress: boolean;
      address: null | {
        street: string;
        postalCode: string;
        city: string;
      };
    }[];
  }[];
}
