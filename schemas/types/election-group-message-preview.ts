/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A draft's preview: how many participants the filter picks now, and the message rendered for the first few of them with their own merge fields.
 */
export interface ElectionGroupMessagePreview {
  count: number;
  /**
   * @maxItems 3
   */
  samples: {
    participantId: string;
    subject: string;
    body: string;
    sms: string | null;
    /**
     * SMS segments of the SMS text (GSM 7-bit: 160, or 153 each when split; else 70/67).
     */
    smsSegments: number;
    /**
     * No template for this participant's task (the task type overrides none, the election names none): nothing would be sent.
     */
    skipped: boolean;
  }[];
}
