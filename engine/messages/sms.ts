// SMS: an HTTP gateway. POST SMS_URL/v1/messages with a bearer token and JSON { sender, recipient (E.164),
// message, reference, callbackUrl }; 201 { id, segments } (a delivery report follows at callbackUrl), 400
// INVALID_RECIPIENT (this number cannot receive: the next channel is used). A repeated reference answers the
// same id. Texts longer than one segment are split by the gateway; smsSegments (schemas/messages/sms-segments.ts, shared with the admin site) counts them as the gateway does.
import { ChannelRefusedError, ChannelUnavailableError, type Channel, type OutgoingMessage, type SendReceipt } from './channels';

export interface SmsOptions {
  url: string;
  token: string;
  /** Shown as the sender (max 11 letters or a number). */
  sender: string;
  /** Where the gateway posts delivery reports (a function: the platform knows its port only once it listens). */
  callbackUrl: () => string | undefined;
  timeoutMs?: number;
}

export const SMS_PATHS = { messages: '/v1/messages', control: '/_control' } as const;

/** +45 20 00 00 01 → +4520000001; a number without a country code is refused (we do not guess the country). */
export function e164(phone: string): string | null {
  const compact = phone.replace(/[\s()-]/g, '').replace(/^00/, '+');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

export class SmsChannel implements Channel {
  readonly name = 'sms' as const;

  constructor(private readonly options: SmsOptions) {}

  async send(m: OutgoingMessage): Promise<SendReceipt> {
    const recipient = e164(m.to);
    if (!recipient) throw new ChannelRefusedError('invalidPhoneNumber', 'the phone number is not in international form');
    const callbackUrl = this.options.callbackUrl();
    let res: Response;
    try {
      res = await fetch(new URL(SMS_PATHS.messages, this.options.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
        body: JSON.stringify({ sender: this.options.sender, recipient, message: m.sms ?? m.body, reference: m.reference, tenant: m.tenantId, ...(callbackUrl ? { callbackUrl } : {}) }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch {
      throw new ChannelUnavailableError('smsUnreachable', 'the SMS gateway did not answer');
    }
    const answer = (await res.json().catch(() => ({}))) as { id?: string; code?: string };
    if ((res.status === 201 || res.status === 200) && answer.id) return { messageId: answer.id, awaitsReceipt: Boolean(callbackUrl) };
    if (res.status === 400 && answer.code === 'INVALID_RECIPIENT') throw new ChannelRefusedError('invalidRecipient', 'the gateway refuses this number');
    throw new ChannelUnavailableError(`smsHttp${res.status}`, `the SMS gateway answered ${res.status}`);
  }
}
