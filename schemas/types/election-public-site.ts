/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The election's pages on the public site (GET /api/election/public/site, anyone): the active elections, the front page's text (null when no election is active), the FAQ (null when switched off), the privacy statement (the chosen consent-statement form's newest published version; null when none is chosen) and the contact details.
 */
export interface ElectionPublicSite {
  /**
   * The active elections, the soonest election day first.
   */
  elections: {
    id: string;
    title: string;
    electionDay: string;
    firstTaskDate: string | null;
    lastTaskDate: string | null;
  }[];
  frontPage: Text | null;
  faq:
    | {
        question: Text;
        answer: Text;
      }[]
    | null;
  privacy: {
    formId: string;
    version: number;
    title: Text;
    text: Text1;
  } | null;
  contact: {
    email?: string;
    phone?: string;
    address?: string;
    openingHours?: string;
  };
}
/**
 * Per language; the page falls back to the tenant's language.
 */
export interface Text {
  da?: string;
  sv?: string;
  en?: string;
}
/**
 * Per language; the page falls back to the tenant's language.
 */
export interface Text1 {
  da?: string;
  sv?: string;
  en?: string;
}
