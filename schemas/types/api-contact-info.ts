/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * How citizens reach the municipality's election or petitions office; shown on the public contact page and edited by administrators (PUT /api/settings/contact).
 */
export interface ContactInfo {
  email: string;
  phone: string;
  address: string;
  openingHours?: string;
}
