// The development outbox: a real SMTP server (smtp-server) that accepts every message the platform sends and
// keeps it as an .eml file under DATA_DIR/outbox; the admin site's outbox page reads them back with mailparser.
// Each tenant sees only the messages its own flows sent (by the X-Tingvalla-Tenant header).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface OutboxMessage {
  id: string;
  receivedAt: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;

export class DevOutbox {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly dir: string,
  ) {}

  static async start(dir: string, port: number): Promise<DevOutbox> {
    mkdirSync(dir, { recursive: true });
    let counter = 0;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++counter}.eml`;
          writeFileSync(join(dir, name), Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return new DevOutbox(server, (server.server.address() as AddressInfo).port, dir);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The tenant's messages, newest first. */
  async list(tenantId: string, limit = 100): Promise<OutboxMessage[]> {
    const files = readdirSync(this.dir).filter((f) => f.endsWith('.eml')).sort().reverse();
    const out: OutboxMessage[] = [];
    for (const file of files) {
      if (out.length >= limit) break;
      const mail = await simpleParser(readFileSync(join(this.dir, file)));
      if (mail.headers.get('x-tingvalla-tenant') !== tenantId) continue;
      out.push({
        id: file.replace(/\.eml$/, ''),
        receivedAt: (mail.date ?? new Date()).toISOString(),
        from: mail.from?.text ?? '',
        to: Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? ''),
        subject: mail.subject ?? '',
        text: mail.text ?? '',
      });
    }
    return out;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
