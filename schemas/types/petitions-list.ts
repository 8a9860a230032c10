/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A page of published petitions.
 */
export interface PetitionList {
  total: number;
  page: number;
  limit: number;
  items: PetitionListItem[];
}
export interface PetitionListItem {
  id: string;
  status: "open" | "closed" | "inHandling" | "answered";
  title: string;
  summary: string;
  votes: number;
  openedAt: string;
  closesAt: string;
  closedAt: string | null;
  answeredAt: string | null;
  /**
   * Whole days left to vote (0 on the last day); null once closed.
   */
  daysLeft: number | null;
}
