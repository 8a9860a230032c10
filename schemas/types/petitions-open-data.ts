/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Every published petition as open data, with no personal data: no proposer, no voter, no moderation. The same facts as CSV at /api/petitions/open-data.csv (one row per petition, thresholds_reached joined by ";", no votes per day).
 */
export interface PetitionOpenData {
  /**
   * When this document was made.
   */
  generatedAt: string;
  /**
   * Oldest first.
   */
  petitions: PetitionOpenDataItem[];
}
export interface PetitionOpenDataItem {
  /**
   * The petition's id; its page is /petitions/{id} on the public site.
   */
  id: string;
  /**
   * open: open for votes; closed: the window has closed; inHandling: the municipality is handling it; answered: the municipality has answered or decided.
   */
  status: "open" | "closed" | "inHandling" | "answered";
  /**
   * The proposal's title, as published.
   */
  title: string;
  /**
   * The first 300 characters of the proposal (or its summary), as published.
   */
  summary: string;
  /**
   * When it was published and the vote window opened.
   */
  openedAt: string;
  /**
   * When the vote window closes (or closed, as planned).
   */
  closesAt: string;
  /**
   * When the vote window closed; null while open.
   */
  closedAt: string | null;
  /**
   * When the municipality first answered or decided; null before.
   */
  answeredAt: string | null;
  /**
   * Votes: the running count while open, the final count after.
   */
  votes: number;
  /**
   * The vote thresholds reached, lowest first.
   */
  thresholdsReached: number[];
  /**
   * Votes per day (the tenant's time zone), once the vote has closed and the voters are erased; empty before.
   */
  votesPerDay: {
    /**
     * The day.
     */
    day: string;
    /**
     * Votes cast that day and not withdrawn.
     */
    votes: number;
  }[];
}
