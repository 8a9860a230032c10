// An invitation as its link shows it, without login: the task (election, date, hours, work location, task type,
// payment, team) and whether it can still be answered — 'open', 'answered' (accepted; a rejected invitation's
// link stops working with the slot becoming vacant) or 'expired' (the task's date has passed). Nothing about the
// person: whoever has the link sees the task only. An unknown token, and the link of an invitation retracted or
// rejected (the slot vacant: its token is cleared), answer 404 alike.
import { type ElectionDeps } from '../../db';
import { findSlotByTokenHash } from '../../commands/assignments/common';
import { invitationTokenHashOf } from '../../commands/assignments/invitation-link';
import { NotFoundError } from '../../../../errors';
import { presentMyTask, taskOfSlot } from './me-common';

export type InvitationStatus = 'open' | 'answered' | 'expired';

export async function invitationView(deps: ElectionDeps, tenantId: string, token: string) {
  const hash = invitationTokenHashOf(token);
  const { db } = deps;
  return db.withTenant(tenantId, async (tx) => {
    const slot = await findSlotByTokenHash(db, tx, hash);
    const task = await taskOfSlot(db, tx, slot.id);
    if (!task) throw new NotFoundError();
    const status: InvitationStatus = slot.state === 'accepted' ? 'answered' : task.past ? 'expired' : 'open';
    const { slotId: _slot, state: _state, locked: _locked, past: _past, files: _files, ...shown } = presentMyTask(task, []);
    return { status, ...shown };
  });
}

export type InvitationView = Awaited<ReturnType<typeof invitationView>>;
