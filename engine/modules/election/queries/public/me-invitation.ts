// An invitation as its link shows it, without login: the task (election, date, hours, work location, task type,
// payment, team) and whether it can still be answered — 'open', 'answered' (accepted, or rejected: the slot vacant
// since), 'expired' (the task's date has passed) or 'retracted' (the municipality took the person off the task, or
// sent a newer link). Nothing about the person: whoever has the link sees the task only. An unknown token: 404.
import { type ElectionDeps } from '../../db';
import { findSlotByTokenHash } from '../../commands/assignments/common';
import { endedInvitation } from '../../commands/assignments/ended-invitations';
import { invitationTokenHashOf } from '../../commands/assignments/invitation-link';
import { NotFoundError } from '../../../../errors';
import { presentMyTask, taskOfSlot } from './me-common';

export type InvitationStatus = 'open' | 'answered' | 'expired' | 'retracted';

export async function invitationView(deps: ElectionDeps, tenantId: string, token: string) {
  const hash = invitationTokenHashOf(token);
  const { db } = deps;
  return db.withTenant(tenantId, async (tx) => {
    const slot = await findSlotByTokenHash(db, tx, hash).catch((err: unknown) => {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    });
    const ended = slot ? undefined : await endedInvitation(db, tx, hash);
    const slotId = slot?.id ?? ended?.slotId;
    const task = slotId ? await taskOfSlot(db, tx, slotId) : undefined;
    if (!task) throw new NotFoundError();
    const status: InvitationStatus = ended ? ended.ending : slot?.state === 'accepted' ? 'answered' : task.past ? 'expired' : 'open';
    const { slotId: _slot, state: _state, locked: _locked, past: _past, files: _files, ...shown } = presentMyTask(task, []);
    return { status, ...shown };
  });
}

export type InvitationView = Awaited<ReturnType<typeof invitationView>>;
