// Where messages go. Every channel sits behind the same interface, so Digital Post and SMS plug in later
// without touching the flow engine; e-mail goes over SMTP with nodemailer.
import nodemailer, { type Transporter } from 'nodemailer';

export type ChannelName = 'email' | 'digitalPost' | 'sms';

export interface OutgoingMessage {
  tenantId: string;
  to: string;
  subject: string;
  body: string;
  /** Our idempotency key: sent as a header so a duplicate could be recognised downstream. */
  reference: string;
}

export interface Channel {
  readonly name: ChannelName;
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
}

export class ChannelUnavailableError extends Error {}

export class EmailChannel implements Channel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(m: OutgoingMessage): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: m.to,
      subject: m.subject,
      text: m.body,
      headers: { 'X-Tingvalla-Tenant': m.tenantId, 'X-Tingvalla-Reference': m.reference },
    });
    return { messageId: info.messageId };
  }

  close(): void {
    this.transport.close();
  }
}

export type Channels = Partial<Record<ChannelName, Channel>>;
