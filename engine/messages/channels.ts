// Where messages go. Every channel sits behind the same interface: e-mail over SMTP (nodemailer), Digital Post
// (MeMo XML over HTTP, engine/messages/digital-post.ts) and SMS (an HTTP gateway, engine/messages/sms.ts).
// delivery.ts tries them in a message's order; a channel says "this person cannot receive here" by throwing
// ChannelRefusedError (the next channel is used) and anything else by throwing (also the next channel, logged as
// failed). Digital Post and SMS answer later with delivery receipts (receipts.ts); e-mail has none.
import nodemailer, { type Transporter } from 'nodemailer';

export type ChannelName = 'email' | 'digitalPost' | 'sms';
export const CHANNEL_NAMES: readonly ChannelName[] = ['digitalPost', 'email', 'sms'];

export interface OutgoingMessage {
  tenantId: string;
  /** The address on this channel: an e-mail address, a personal number (Digital Post), a phone number (SMS). */
  to: string;
  subject: string;
  body: string;
  /** The SMS text, when the template has its own (else the body). */
  sms?: string;
  /** Our idempotency key for this attempt: sent along so the provider recognises a repeated send. */
  reference: string;
}

export interface SendReceipt {
  /** The provider's id of the message, which its delivery receipt names. */
  messageId: string;
  /** True when a delivery receipt will follow (Digital Post, SMS); e-mail is final once the server took it. */
  awaitsReceipt: boolean;
}

export interface Channel {
  readonly name: ChannelName;
  send(message: OutgoingMessage): Promise<SendReceipt>;
}

/** The person cannot receive on this channel (exempt from Digital Post, a number the gateway refuses): use the next. */
export class ChannelRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelRefusedError';
  }
}

/** The channel's service did not answer usefully (network, 5xx). */
export class ChannelUnavailableError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelUnavailableError';
  }
}

export class EmailChannel implements Channel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;
  /** The sender's domain, for Message-IDs. */
  private readonly domain: string;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // Pooled: a handful of kept-open connections instead of one SMTP handshake per message (~100 ms each), which
    // capped a reminder hour at a few messages a second per worker. Settings in the URL (?pool=false) still win.
    this.transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 5 });
    this.domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'tingvalla.invalid';
  }

  async send(m: OutgoingMessage): Promise<SendReceipt> {
    const info = await this.transport.sendMail({
      // The attempt's reference as Message-ID: should a crash between the send and its record repeat the send, the
      // copy is the same message to the mail stores and clients that drop a Message-ID they have seen.
      messageId: `<${m.reference}@${this.domain}>`,
      from: this.from,
      to: m.to,
      subject: m.subject,
      text: m.body,
      headers: { 'X-Tingvalla-Tenant': m.tenantId, 'X-Tingvalla-Reference': m.reference },
    });
    return { messageId: info.messageId, awaitsReceipt: false };
  }

  close(): void {
    this.transport.close();
  }
}

export type Channels = Partial<Record<ChannelName, Channel>>;
