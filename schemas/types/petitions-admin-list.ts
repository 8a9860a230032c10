/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Every petition of the tenant, any status, newest proposal first.
 */
export interface PetitionAdminList {
  total: number;
  page: number;
  limit: number;
  items: PetitionAdminListItem[];
}
export interface PetitionAdminListItem {
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
  createdAt: string;
  confirmedAt: string | null;
  moderatedAt: string | null;
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  answeredAt: string | null;
  votes: number;
  resubmissions: number;
}
