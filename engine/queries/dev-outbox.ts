// Development only: what the local channels received from this tenant (administrators): the e-mail of the SMTP
// outbox, the MeMo messages of the Digital Post simulator (with their receipts) and the texts of the SMS gateway
// simulator (with their delivery reports), newest first.
import type { Actor } from '../actors';
import type { DevOutbox } from '../dev/smtp-outbox';
import { NotFoundError } from '../errors';
import { authorize } from '../policies';
import type { DigitalPostSimulator } from '../simulators/digital-post-server';
import type { SmsGatewaySimulator } from '../simulators/sms-gateway-server';

export interface SimulatorOutboxes {
  digitalPost?: Pick<DigitalPostSimulator, 'messages'>;
  sms?: Pick<SmsGatewaySimulator, 'messages'>;
}

export interface DevOutboxMessage {
  id: string;
  channel: 'email' | 'digitalPost' | 'sms';
  receivedAt: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  status?: string;
  segments?: number;
}

const LIMIT = 100;

export async function listDevOutbox(outbox: DevOutbox | undefined, actor: Actor, simulators: SimulatorOutboxes = {}): Promise<DevOutboxMessage[]> {
  authorize(actor, 'outbox.view', { tenantId: actor.tenantId });
  if (!outbox && !simulators.digitalPost && !simulators.sms) throw new NotFoundError('There is no development outbox: messages go to the configured services.');
  const mail: DevOutboxMessage[] = outbox ? (await outbox.list(actor.tenantId, LIMIT)).map((m) => ({ ...m, channel: 'email' as const })) : [];
  const post: DevOutboxMessage[] = (simulators.digitalPost?.messages(actor.tenantId) ?? []).slice(0, LIMIT).map((m) => ({
    id: m.id,
    channel: 'digitalPost' as const,
    receivedAt: m.receivedAt,
    from: 'Digital Post',
    to: m.recipient,
    subject: m.title,
    text: m.text,
    status: m.receipt,
  }));
  const texts: DevOutboxMessage[] = (simulators.sms?.messages(actor.tenantId) ?? []).slice(0, LIMIT).map((m) => ({
    id: m.id,
    channel: 'sms' as const,
    receivedAt: m.receivedAt,
    from: m.sender,
    to: m.recipient,
    subject: '',
    text: m.text,
    status: m.report,
    segments: m.segments,
  }));
  return [...mail, ...post, ...texts].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)).slice(0, 300);
}
