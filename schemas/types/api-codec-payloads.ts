/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Body and answer of the remote payload codec the Temporal Web UI calls (POST /codec/decode, /codec/encode): Temporal payloads in the proto3 JSON mapping, metadata values and data as base64.
 */
export interface CodecPayloads {
  /**
   * @maxItems 1000
   */
  payloads: {
    metadata?: {
      [k: string]: string;
    };
    data?: string;
  }[];
}
