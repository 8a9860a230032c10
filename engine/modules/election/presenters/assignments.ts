// Assignment rows → the API's shapes (schemas/election/assignment-*.schema.json): the slot as a work location's
// task list shows it (a legacy 'rejected' row as vacant, without its former holder), candidates with their
// eligibility and overlap for one slot, the election's rejections.
import type { ElectionAssignedSlot } from '../../../../schemas/types/election-assignment-slot';
import type { ElectionCandidateList } from '../../../../schemas/types/election-assignment-candidates';
import type { ElectionRejectionList } from '../../../../schemas/types/election-assignment-rejections';
import type { SlotViewRow } from '../commands/assignments/common';
import type { Candidate } from '../queries/assignments/candidates';
import type { RejectionRow } from '../queries/assignments/rejections';

const iso = (d: Date): string => new Date(d).toISOString();
const nameOf = (given: string, family: string): string => `${given} ${family}`;

export function presentSlot(row: SlotViewRow, invitationLink?: string): ElectionAssignedSlot {
  const held = row.state === 'invited' || row.state === 'accepted' ? row.state : undefined;
  return {
    id: row.id,
    date: row.task_date,
    taskType: { id: row.task_type_id, title: row.task_type_title, shortName: row.task_type_short_name, start: row.start_time, end: row.end_time, trusted: row.trusted },
    team: { id: row.team_id, name: row.team_name },
    state: held ?? 'vacant',
    ...(held && row.participant_id ? { participant: { id: row.participant_id, name: nameOf(row.given_name ?? '', row.family_name ?? ''), personalNumberMasked: row.personal_number_masked ?? '' } } : {}),
    registeredDirectly: held !== undefined && row.registered_directly,
    answeredOnBehalf: held !== undefined && row.answered_on_behalf,
    ...(row.invited_at ? { invitedAt: iso(row.invited_at) } : {}),
    ...(held && row.answered_at ? { answeredAt: iso(row.answered_at) } : {}),
    everInvited: row.ever_invited,
    ...(invitationLink ? { invitationLink } : {}),
  };
}

export function presentCandidates(candidates: Candidate[]): ElectionCandidateList {
  return {
    candidates: candidates.map((c) => ({
      id: c.id,
      name: nameOf(c.givenName, c.familyName),
      personalNumberMasked: c.personalNumberMasked,
      birthDate: c.birthDate,
      eligibility: { eligible: c.eligibility.eligible, reasons: c.eligibility.reasons.map((r) => ({ code: r.code, params: { ...r.params } })) },
      ...(c.overlap ? { overlap: { slotId: c.overlap.slotId, date: c.overlap.date, start: c.overlap.start, end: c.overlap.end } } : {}),
      rejectedBefore: c.rejectedBefore,
      holdsThisSlot: c.holdsThisSlot,
    })),
  };
}

export function presentRejections(rows: RejectionRow[]): ElectionRejectionList {
  return rows.map((r) => ({
    id: r.id,
    participant: { id: r.participant_id, name: nameOf(r.given_name, r.family_name) },
    taskType: { id: r.task_type_id, title: r.task_type_title, shortName: r.task_type_short_name },
    workLocation: { id: r.work_location_id, name: r.work_location_name },
    date: r.task_date,
    rejectedAt: iso(r.rejected_at),
    onBehalf: r.on_behalf,
    slotId: r.slot_id,
  }));
}
