/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A published form by its readable address (its slug, made from its title when it was first published). Anything else names nothing: 404.
 */
export interface FormSlugParams {
  slug: string;
}
