/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The public site's election pages, replaced whole: the front page's text per language, the FAQ (on or off, with its entries), the privacy statement (a consent-statement form of this tenant) and whether the sign-up asks for consent, and contact information. All the front page's texts together must fit in 32 KiB and the FAQ in 64 KiB (UTF-8 JSON): 400 election.pageTooLarge naming the field otherwise.
 */
export interface ElectionSiteInput {
  /**
   * The front page's text per language (plain text, paragraphs separated by blank lines).
   */
  frontPage: {
    da?: string;
    sv?: string;
    en?: string;
  };
  faqEnabled: boolean;
  /**
   * @maxItems 50
   */
  faq: {
    /**
     * The question per language.
     */
    question: {
      da?: string;
      sv?: string;
      en?: string;
    };
    /**
     * The answer per language.
     */
    answer: {
      da?: string;
      sv?: string;
      en?: string;
    };
  }[];
  /**
   * The privacy statement shown at sign-up: a form of kind consentStatement of this tenant, or null.
   */
  privacyFormId: string | null;
  /**
   * Whether the sign-up offers the consent (e.g. to be kept for the next election).
   */
  consentEnabled: boolean;
  contact: {
    email?: string;
    phone?: string;
    address?: string;
    openingHours?: string;
  };
}
