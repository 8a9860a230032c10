// Development only: the e-mail the local SMTP server received from this tenant's flows (administrators).
import type { Actor } from '../actors';
import type { DevOutbox, OutboxMessage } from '../dev/smtp-outbox';
import { NotFoundError } from '../errors';
import { authorize } from '../policies';

export async function listDevOutbox(outbox: DevOutbox | undefined, actor: Actor): Promise<OutboxMessage[]> {
  authorize(actor, 'outbox.view', { tenantId: actor.tenantId });
  if (!outbox) throw new NotFoundError('There is no development outbox: e-mail goes to the configured SMTP server.');
  return outbox.list(actor.tenantId);
}
