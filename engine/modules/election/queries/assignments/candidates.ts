// Who could take a task slot: participants found by name (every word in the given or the family name), by their
// whole personal number (its keyed hash: the number itself is never searched in the clear), or by its date part
// (the first 6 digits in Denmark, 8 in Sweden, as the masked number shows them), at most 10, by name in the
// tenant's collation — each with what the assignment would say about THIS slot: eligibility under the election
// type's rules on the slot's date (every reason), a held task it would overlap, an earlier rejection of the task
// type in this election. Read only: the assignment checks all of it again under its locks.
import { parsePersonalNumber } from '../../../../../forms/formats/personal-number';
import type { CommandContext } from '../../../../audit/record';
import { foundUuid } from '../../../../ids';
import { PersonalNumbers } from '../../../../identity/personal-numbers';
import { COLLATION, select, tenantFacts, type ElectionDeps } from '../../db';
import { eligibility, eligibilityContext, type Eligibility } from '../../eligibility';
import { findOverlap } from '../../overlap';
import { authorize } from '../../policies';
import { electionRules, eligibilityPerson, findSlot, heldTasksOn, rejectedBefore, type HeldTask, type ParticipantRow } from '../../commands/assignments/common';

export const MAX_CANDIDATES = 10;
const MAX_WORDS = 5;

export interface Candidate {
  id: string;
  givenName: string;
  familyName: string;
  personalNumberMasked: string;
  birthDate: string;
  eligibility: Eligibility;
  overlap?: HeldTask;
  rejectedBefore: boolean;
  holdsThisSlot: boolean;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function slotCandidates(deps: ElectionDeps, ctx: CommandContext, electionId: string, slotId: string, q: string): Promise<Candidate[]> {
  authorize(ctx.actor, 'election.slots.manage', { tenantId: ctx.tenantId });
  foundUuid(electionId);
  foundUuid(slotId);
  const { db, keyring } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const rules = await electionRules(db, tx, electionId);
    const slot = await findSlot(db, tx, electionId, slotId);
    const { country } = await tenantFacts(db, tx, ctx.tenantId);
    const text = q.trim();
    const bind: unknown[] = [ctx.tenantId];
    let where: string;
    const pn = /^[0-9][0-9 +-]*$/.test(text) ? parsePersonalNumber(country, text) : undefined;
    const datePart = text.replace(/-$/, '');
    if (pn) {
      bind.push(await new PersonalNumbers(keyring).lookupHash(tx, ctx.tenantId, pn));
      where = 'p.personal_number_hash = $2';
    } else if (/^\d+$/.test(datePart) && datePart.length === (country === 'DK' ? 6 : 8)) {
      bind.push(`${datePart}-%`);
      where = 'p.personal_number_masked LIKE $2';
    } else {
      const words = text.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
      if (words.length === 0) return [];
      where = words
        .map((w) => {
          bind.push(`%${escapeLike(w)}%`);
          return `(p.given_name ILIKE $${bind.length} OR p.family_name ILIKE $${bind.length})`;
        })
        .join(' AND ');
    }
    const c = COLLATION[country];
    const rows = await select<ParticipantRow & { given_name: string; family_name: string; personal_number_masked: string }>(
      db,
      tx,
      `SELECT p.id, p.personal_number_country, p.birth_date::text AS birth_date, p.municipality_code, p.citizenship, p.deceased, p.disenfranchised,
              p.given_name, p.family_name, p.personal_number_masked
         FROM participants p WHERE p.tenant_id = $1 AND ${where}
        ORDER BY p.family_name COLLATE ${c}, p.given_name COLLATE ${c}, p.id LIMIT ${MAX_CANDIDATES}`,
      bind,
    );
    const ids = rows.map((r) => r.id);
    const [held, rejected] = await Promise.all([heldTasksOn(db, tx, ids, slot.task_date, slot.id), rejectedBefore(db, tx, electionId, slot.task_type_id, ids)]);
    const context = eligibilityContext(country, slot.task_date);
    const task = { date: slot.task_date, start: slot.start_time, end: slot.end_time };
    return rows.map((r): Candidate => {
      const overlap = findOverlap(task, held.filter((h) => h.participantId === r.id));
      return {
        id: r.id,
        givenName: r.given_name,
        familyName: r.family_name,
        personalNumberMasked: r.personal_number_masked,
        birthDate: r.birth_date,
        eligibility: eligibility(eligibilityPerson(r), rules, context),
        ...(overlap ? { overlap: { slotId: overlap.slotId, date: overlap.date, start: overlap.start, end: overlap.end } } : {}),
        rejectedBefore: rejected.has(r.id),
        holdsThisSlot: slot.participant_id === r.id && (slot.state === 'invited' || slot.state === 'accepted'),
      };
    });
  });
}
