// SMS: an HTTP gateway. POST SMS_URL/v1/messages with a bearer token and JSON { sender, recipient (E.164),
// message, reference, callbackUrl }; 201 { id, segments } (a delivery report follows at callbackUrl), 400
// INVALID_RECIPIENT (this number cannot receive: the next channel is used). A repeated reference answers the
// same id. Texts longer than one segment are split by the gateway; segments() counts them as the gateway does.
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

const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€',
);
const GSM7_EXTENDED = new Set('^{}\\[~]|€');

/** How many SMS segments a text takes: GSM 7-bit (160, or 153 each when split) or UCS-2 (70, or 67). */
export function smsSegments(text: string): { encoding: 'gsm7' | 'ucs2'; units: number; segments: number } {
  const chars = [...text];
  if (chars.every((c) => GSM7.has(c))) {
    const units = chars.reduce((n, c) => n + (GSM7_EXTENDED.has(c) ? 2 : 1), 0);
    return { encoding: 'gsm7', units, segments: units === 0 ? 0 : units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length; // UTF-16 code units
  return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

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
