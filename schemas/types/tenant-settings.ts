/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Where the municipality's accessibility statement is (tilgængelighedserklæring, tillgänglighetsredogörelse), linked from every public page's footer: an address elsewhere (Danish statements usually live on the state's service, was.digst.dk), or the statement's own text (markdown per language, the tenant's language the fallback) shown at /accessibility. Edited by administrators (PUT /api/settings/accessibility-statement).
 */
export type AccessibilityStatement = AccessibilityStatementLink | AccessibilityStatementPage;

/**
 * A tenant's own settings: what its sites show and how long it keeps data.
 */
export interface TenantSettings {
  contact: ContactInfo;
  /**
   * The public front page's heading and introduction, per language; the tenant's default language is the fallback.
   */
  frontPage: {
    da?: PageText;
    sv?: PageText;
    en?: PageText;
  };
  accessibilityStatement?: AccessibilityStatement;
  retention: {
    /**
     * Audit rows older than this many calendar months are purged by the tenant's housekeeping workflow.
     */
    auditLogMonths: number;
    /**
     * The longest a flow may keep personal data, in calendar months; publishing refuses a flow that deletes later (24 when unset).
     */
    personalDataMonths?: number;
  };
}
/**
 * How citizens reach the municipality's election or petitions office; shown on the public contact page and edited by administrators (PUT /api/settings/contact).
 */
export interface ContactInfo {
  email: string;
  phone: string;
  address: string;
  openingHours?: string;
}
export interface PageText {
  heading: string;
  intro: string;
}
export interface AccessibilityStatementLink {
  url: string;
}
export interface AccessibilityStatementPage {
  text: {
    da?: string;
    sv?: string;
    en?: string;
  };
}
