/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The e-services a citizen can use on the public site: every e-service form with a published version, by name, each with its readable address.
 */
export interface EServices {
  services: EService[];
}
export interface EService {
  id: string;
  slug: string;
  title: LocalizedText;
  description: LocalizedText | null;
  /**
   * The form's page on the public site, e.g. /forms/tilskud-til-foreningsarrangement.
   */
  path: string;
}
/**
 * A text per language code (da, sv, en).
 */
export interface LocalizedText {
  [k: string]: string;
}
