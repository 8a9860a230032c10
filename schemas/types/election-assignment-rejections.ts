/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The election's rejected tasks, newest first (at most 2,000): who said no to what, when, and whether an administrator answered for them.
 *
 * @maxItems 2000
 */
export type ElectionRejectionList = {
  id: string;
  participant: {
    id: string;
    name: string;
  };
  taskType: {
    id: string;
    title: string;
    shortName: string;
  };
  workLocation: {
    id: string;
    name: string;
  };
  date: string;
  rejectedAt: string;
  onBehalf: boolean;
  /**
   * The slot, while it exists.
   */
  slotId?: string | null;
}[];
