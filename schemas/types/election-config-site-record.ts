/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The public site's election pages as configured (the defaults until first saved: updatedAt null).
 */
export interface ElectionSite {
  /**
   * Per language.
   */
  frontPage: {
    da?: string;
    sv?: string;
    en?: string;
  };
  faqEnabled: boolean;
  faq: {
    /**
     * Per language.
     */
    question: {
      da?: string;
      sv?: string;
      en?: string;
    };
    /**
     * Per language.
     */
    answer: {
      da?: string;
      sv?: string;
      en?: string;
    };
  }[];
  privacyFormId: string | null;
  consentEnabled: boolean;
  contact: {
    email?: string;
    phone?: string;
    address?: string;
    openingHours?: string;
  };
  updatedAt: string | null;
}
