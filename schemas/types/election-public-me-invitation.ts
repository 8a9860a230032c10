/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * GET /api/election/public/invitations/{token}: the task an invitation offers and whether it can still be answered. Nothing about the person.
 */
export interface ElectionPublicMeInvitation {
  status: "open" | "answered" | "expired" | "retracted";
  date: string;
  start: string;
  end: string;
  election: {
    id: string;
    title: string;
    electionDay: string;
    lockStarts: string;
  };
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
}
