// The one SMTP server every role of the drill sends to (their SMTP_URL): it accepts every message and remembers
// what it needs to count what really arrived — the reference the platform puts on each send (the attempt's id,
// X-Tingvalla-Reference: a retried send of the same attempt carries the same one), the tenant, the recipient,
// the subject and the Message-ID. It runs in the drill's own process, so it is up through every fault.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  reference: string;
  tenantId: string;
  to: string;
  subject: string;
  messageId: string;
  receivedAt: number;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMessage[];
  stop(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      // Parsed before the answer: a message counts as received only once the sender could have been told so.
      simpleParser(stream).then(
        (mail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
          received.push({
            reference: String(mail.headers.get('x-tingvalla-reference') ?? ''),
            tenantId: String(mail.headers.get('x-tingvalla-tenant') ?? ''),
            to,
            subject: mail.subject ?? '',
            messageId: mail.messageId ?? '',
            receivedAt: Date.now(),
          });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
