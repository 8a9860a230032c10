/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Where the municipality's accessibility statement is (tilgængelighedserklæring, tillgänglighetsredogörelse), linked from every public page's footer: an address elsewhere (Danish statements usually live on the state's service, was.digst.dk), or the statement's own text (markdown per language, the tenant's language the fallback) shown at /accessibility. Edited by administrators (PUT /api/settings/accessibility-statement).
 */
export type AccessibilityStatement = AccessibilityStatementLink | AccessibilityStatementPage;
export type Markdown = string;

export interface AccessibilityStatementLink {
  url: string;
}
export interface AccessibilityStatementPage {
  text: {
    da?: Markdown;
    sv?: Markdown;
    en?: Markdown;
  };
}
