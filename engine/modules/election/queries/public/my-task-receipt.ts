// The receipt of a task the logged-in citizen holds (the sign-up wizard's last page, and its PDF): the election,
// the date, the polling station, the task type's hours and payment, the team, and whether their consent to keep
// their details is on record. Only the holder sees it: anyone else's slot, a vacant one or another tenant's is a
// missing one (404), exactly like no slot at all.
import type { CommandContext } from '../../../../audit/record';
import { NotFoundError } from '../../../../errors';
import { foundUuid } from '../../../../ids';
import { tenantFacts, type ElectionDeps } from '../../db';
import { hasConsent } from '../../commands/public/signup';
import { authorize } from '../../policies';
import { findMyParticipantId } from '../../public/me';
import type { Locale } from '../../../../db/models';
import type { Transaction } from 'sequelize';
import type { Database } from '../../../../db/database';
import { inOneStatement, type StatementPart } from '../../../../db/one-statement';

export interface TaskReceipt {
  slotId: string;
  state: 'invited' | 'accepted';
  election: { title: string; electionDay: string };
  date: string;
  workLocation: { name: string; address: string };
  taskType: { title: string; start: string; end: string; payment: number };
  team: { name: string };
  consentRecorded: boolean;
}

export interface ReceiptRow {
  id: string;
  state: 'invited' | 'accepted';
  title: string;
  election_day: string;
  date: string;
  wl_name: string;
  address: string | null;
  postal_code: string | null;
  city: string | null;
  tt_title: string;
  start: string;
  end: string;
  payment: string;
  team_name: string;
  /** Whether the holder's consent is on record (only when asked with a user). */
  consented: boolean;
}

/**
 * The receipts' rows of these slots held by these participants (pairwise), as the receipt shows them; with a
 * user, also whether that user's consent to the site's consent statement is on record (`consented`).
 */
export function receiptRows(db: Database, tx: Transaction, held: { slotId: string; participantId: string; userId?: string }[]): Promise<ReceiptRow[]> {
  return inOneStatement<ReceiptRow>(db, tx, [], receiptRowsPart(held));
}

/** receiptRows as the SELECT that ends a statement (engine/db/one-statement.ts), after the sign-ups' writes. */
export function receiptRowsPart(held: { slotId: string; participantId: string; userId?: string }[]): StatementPart {
  return (p) => `SELECT s.id, s.state, e.title, e.election_day::text AS election_day, s.task_date::text AS date, wl.name AS wl_name, wl.address, wl.postal_code, wl.city,
            tt.title AS tt_title, to_char(tt.start_time, 'HH24:MI') AS start, to_char(tt.end_time, 'HH24:MI') AS "end", tt.payment::text AS payment, t.name AS team_name,
            EXISTS (SELECT 1 FROM consent_records c JOIN election_site es ON es.privacy_form_id = c.definition_id WHERE c.user_id = h.user_id AND c.withdrawn_at IS NULL) AS consented
       FROM unnest(${p.arrays([
         [held.map((h) => h.slotId), 'uuid'],
         [held.map((h) => h.participantId), 'uuid'],
         [held.map((h) => h.userId ?? null), 'uuid'],
       ])}) AS h(slot_id, participant_id, user_id)
       JOIN task_slots s ON s.id = h.slot_id AND s.participant_id = h.participant_id
       JOIN elections e ON e.id = s.election_id JOIN work_locations wl ON wl.id = s.work_location_id
       JOIN task_types tt ON tt.id = s.task_type_id JOIN teams t ON t.id = s.team_id
      WHERE s.state IN ('invited', 'accepted')`;
}

/** A receipt row as the API answers it. */
export function receiptOf(row: ReceiptRow, consentRecorded: boolean): TaskReceipt {
  return {
    slotId: row.id,
    state: row.state,
    election: { title: row.title, electionDay: row.election_day },
    date: row.date,
    workLocation: {
      name: row.wl_name,
      address: [row.address, [row.postal_code, row.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
    },
    taskType: {
      title: row.tt_title,
      start: row.start,
      end: row.end,
      payment: Number(row.payment),
    },
    team: { name: row.team_name },
    consentRecorded,
  };
}

export async function myTaskReceipt(deps: ElectionDeps, ctx: CommandContext, slotId: string): Promise<TaskReceipt & { locale: Locale }> {
  authorize(ctx.actor, 'election.signup', { tenantId: ctx.tenantId });
  foundUuid(slotId);
  const { db } = deps;
  const found = await db.withTenant(ctx.tenantId, async (tx) => {
    const participantId = await findMyParticipantId(db, tx, ctx.actor);
    if (!participantId) throw new NotFoundError();
    const [row] = await receiptRows(db, tx, [{ slotId, participantId }]);
    if (!row) throw new NotFoundError();
    return {
      row,
      locale: (await tenantFacts(db, tx, ctx.tenantId)).defaultLocale,
    };
  });
  return { locale: found.locale, ...receiptOf(found.row, await hasConsent(db, ctx)) };
}
