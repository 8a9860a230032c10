// Digital Post: a MeMo document (memo.ts) posted to DIGITAL_POST_URL's /memos with HTTP Basic credentials. 202:
// accepted, a receipt follows (receipts.ts, through the callback route). 422 with RECIPIENT_EXEMPT or
// RECIPIENT_UNKNOWN: this person cannot receive Digital Post — the next channel is used. A repeated messageUUID
// (our attempt's id) answers 409 with the same message: it was sent already, so it counts as sent.
import { ChannelRefusedError, ChannelUnavailableError, type Channel, type OutgoingMessage, type SendReceipt } from './channels';
import { memoXml } from './memo';

export interface DigitalPostOptions {
  url: string;
  credentials: { user: string; password: string };
  /** The sender's CVR number and name as the person sees it. */
  sender: { id: string; label: string };
  timeoutMs?: number;
}

export const DIGITAL_POST_PATHS = { memos: '/memos', control: '/_control' } as const;

export class DigitalPostChannel implements Channel {
  readonly name = 'digitalPost' as const;

  constructor(private readonly options: DigitalPostOptions) {}

  async send(m: OutgoingMessage): Promise<SendReceipt> {
    if (!/^\d{10}$/.test(m.to.replace(/-/g, ''))) throw new ChannelRefusedError('notDanishPersonalNumber', 'Digital Post needs a Danish personal number');
    const xml = memoXml({
      messageUUID: m.reference,
      label: m.subject.slice(0, 1000),
      senderId: this.options.sender.id,
      senderLabel: this.options.sender.label,
      recipientId: m.to.replace(/-/g, ''),
      createdDateTime: new Date().toISOString(),
      language: 'da',
      text: m.body,
    });
    let res: Response;
    try {
      res = await fetch(new URL(DIGITAL_POST_PATHS.memos, this.options.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/xml; charset=utf-8',
          authorization: `Basic ${Buffer.from(`${this.options.credentials.user}:${this.options.credentials.password}`).toString('base64')}`,
          'x-tingvalla-tenant': m.tenantId,
        },
        body: xml,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch {
      throw new ChannelUnavailableError('digitalPostUnreachable', 'Digital Post did not answer');
    }
    const answer = (await res.json().catch(() => ({}))) as { messageUUID?: string; errorCode?: string };
    if (res.status === 202 || res.status === 409) return { messageId: answer.messageUUID ?? m.reference, awaitsReceipt: true };
    if (res.status === 422) throw new ChannelRefusedError(answer.errorCode === 'RECIPIENT_EXEMPT' ? 'recipientExempt' : 'recipientUnknown', 'the person cannot receive Digital Post');
    throw new ChannelUnavailableError(`digitalPostHttp${res.status}`, `Digital Post answered ${res.status}`);
  }
}
