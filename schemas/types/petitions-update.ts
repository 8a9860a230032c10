/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A post on a published petition's timeline: a status update, the municipality's answer or its decision, with at most one PDF (base64). The PDF is at most 5 MiB decoded; the API's request body limit (64 KB today) applies first.
 */
export interface PetitionUpdate {
  kind: "update" | "answer" | "decision";
  text: string;
  attachment?: {
    /**
     * The file's name (shown, sent back on download).
     */
    name: string;
    /**
     * The PDF's bytes, base64; its type is read from the bytes.
     */
    data: string;
  };
}
