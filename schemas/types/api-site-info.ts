/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Where the municipality's accessibility statement is (tilgængelighedserklæring, tillgänglighetsredogörelse), linked from every public page's footer: an address elsewhere (Danish statements usually live on the state's service, was.digst.dk), or the statement's own text (markdown per language, the tenant's language the fallback) shown at /accessibility. Edited by administrators (PUT /api/settings/accessibility-statement).
 */
export type AccessibilityStatement = AccessibilityStatementLink | AccessibilityStatementPage;

/**
 * What a site needs to render itself (GET /api/site): the tenant resolved from the host name and the current actor.
 */
export interface SiteInfo {
  tenant: {
    slug: string;
    name: string;
    country: "DK" | "SE";
    defaultLocale: "da" | "sv" | "en";
    theme: "dkfds" | "neutral";
    contact: ContactInfo;
    frontPage: FrontPage;
    accessibilityStatement?: AccessibilityStatement;
  };
  site: "public" | "admin";
  /**
   * On the admin site: the tenant's public site (scheme, host, port), where citizens find its published forms.
   */
  publicOrigin?: string;
  /**
   * Present with a login session: send it as X-CSRF-Token with every state-changing request.
   */
  csrfToken?: string;
  actor: {
    kind: "anonymous" | "user" | "system";
    displayName?: string;
    roles: string[];
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
/**
 * The public front page's heading and introduction, per language; the tenant's default language is the fallback.
 */
export interface FrontPage {
  da?: PageText;
  sv?: PageText;
  en?: PageText;
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
