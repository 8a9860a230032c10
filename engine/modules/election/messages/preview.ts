// The template editor's preview with a real participant and one of their tasks (Module.templatePreview), and the
// participants it offers to choose from (Module.templatePreviewChoices). A preview issues nothing: the invitation
// link is the sample one, and no message or audit row is written.
import type { Transaction } from 'sequelize';
import type { Database } from '../../../db/database';
import { select } from '../db';
import { ELECTION_MERGE_FIELDS, ELECTION_SAMPLE_FIELDS, loadElection, loadParticipant, loadSlot, loadTenant, mergeFieldsOf } from './merge-fields';

type Locale = 'da' | 'sv' | 'en';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const electionMessageFields = { names: [...ELECTION_MERGE_FIELDS], samples: ELECTION_SAMPLE_FIELDS };

/** The merge fields of a participant (subjectId) and one of their slots (detailId); undefined when either is not theirs. */
export async function electionTemplatePreview(deps: { db: Database }, tx: Transaction, tenantId: string, query: { subjectId: string; detailId?: string; locale: Locale }): Promise<Record<string, string> | undefined> {
  const { db } = deps;
  if (!UUID.test(query.subjectId) || (query.detailId && !UUID.test(query.detailId))) return undefined;
  const [exists] = await select<{ id: string }>(db, tx, 'SELECT id FROM participants WHERE id = $1', [query.subjectId]);
  if (!exists) return undefined;
  const participant = await loadParticipant(db, tx, query.subjectId);
  const tenant = await loadTenant(db, tx, tenantId);
  // The task's election; without a task, the participant's newest election, else the newest of all.
  const [which] = query.detailId
    ? await select<{ election_id: string }>(db, tx, 'SELECT election_id FROM task_slots WHERE id = $1 AND participant_id = $2', [query.detailId, query.subjectId])
    : await select<{ election_id: string }>(
        db,
        tx,
        `SELECT id AS election_id FROM elections
          ORDER BY (id IN (SELECT election_id FROM task_slots WHERE participant_id = $1)) DESC, election_day DESC LIMIT 1`,
        [query.subjectId],
      );
  if (!which) return undefined;
  const election = await loadElection(db, tx, which.election_id);
  const slot = query.detailId ? await loadSlot(db, tx, which.election_id, query.detailId) : undefined;
  return mergeFieldsOf({ participant, election, slot, tenant }, query.locale, { now: new Date(), invitationLink: ELECTION_SAMPLE_FIELDS[query.locale].invitationLink });
}

/** Up to 20 participants whose name matches the search, each with their tasks (election, task type, place, date). */
export async function electionTemplatePreviewChoices(deps: { db: Database }, tx: Transaction, _tenantId: string, search: string): Promise<{ id: string; label: string; details: { id: string; label: string }[] }[]> {
  const { db } = deps;
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const people = await select<{ id: string; label: string }>(
    db,
    tx,
    `SELECT id, given_name || ' ' || family_name || ' (' || personal_number_masked || ')' AS label FROM participants
      WHERE given_name || ' ' || family_name ILIKE $1 ORDER BY family_name, given_name, id LIMIT 20`,
    [pattern],
  );
  if (people.length === 0) return [];
  const slots = await select<{ id: string; participant_id: string; label: string }>(
    db,
    tx,
    `SELECT s.id, s.participant_id, e.title || ' · ' || tt.title || ' · ' || wl.name || ' · ' || to_char(s.task_date, 'YYYY-MM-DD') AS label
       FROM task_slots s JOIN elections e ON e.id = s.election_id JOIN task_types tt ON tt.id = s.task_type_id JOIN work_locations wl ON wl.id = s.work_location_id
      WHERE s.participant_id = ANY($1::uuid[]) ORDER BY s.task_date DESC, s.id LIMIT 1000`,
    [people.map((p) => p.id)],
  );
  return people.map((p) => ({ id: p.id, label: p.label, details: slots.filter((s) => s.participant_id === p.id).slice(0, 50).map((s) => ({ id: s.id, label: s.label })) }));
}
