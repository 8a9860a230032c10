// A polling station's list of one task date (exports/print-list-pdf.ts draws it): the election's slots at that
// work location on that date with their participants' names and phones, in the tenant's language; the special
// diets of the people on it (opened from their sealed column) only for those who may see special-category data
// ('election.specialCategory.view'). Another tenant's election or work location answers 404. Audited
// (election.printListMade: ids, date, row count, whether diets are in it) in the transaction that read it,
// committed before the first byte.
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { NotFoundError } from '../../../../errors';
import { COLLATION, select, tenantFacts, type ElectionDeps } from '../../db';
import { printListPdf, type PrintListData, type PrintState } from '../../exports/print-list-pdf';
import { dietNames } from '../../participants/rows';
import { dietKey, openDiets } from '../../participants/sealed-diets';
import { authorize, can } from '../../policies';

interface SlotRow {
  task_type: string;
  start: string;
  end: string;
  team: string;
  participant_id: string | null;
  given_name: string | null;
  family_name: string | null;
  phone: string | null;
  diets_sealed: Buffer | null;
  state: string;
}

export async function printList(deps: ElectionDeps, ctx: CommandContext, input: { electionId: string; workLocationId: string; date: string }, options: { compress?: boolean } = {}): Promise<Buffer> {
  authorize(ctx.actor, 'election.participants.view', { tenantId: ctx.tenantId });
  const withDiets = can(ctx.actor, 'election.specialCategory.view', { tenantId: ctx.tenantId });
  const { db, keyring } = deps;
  const data = await db.withTenant(ctx.tenantId, async (tx): Promise<PrintListData> => {
    const [election] = await select<{ title: string }>(db, tx, 'SELECT title FROM elections WHERE id = $1', [input.electionId]);
    const [wl] = await select<{ name: string; address: string; postal_code: string; city: string; district_number: string; area_name: string }>(
      db,
      tx,
      'SELECT w.name, w.address, w.postal_code, w.city, w.district_number, a.name AS area_name FROM work_locations w JOIN election_areas a ON a.tenant_id = w.tenant_id AND a.id = w.area_id WHERE w.id = $1',
      [input.workLocationId],
    );
    if (!election || !wl) throw new NotFoundError();
    const { country, defaultLocale } = await tenantFacts(db, tx, ctx.tenantId);
    const c = COLLATION[country];
    const slots = await select<SlotRow>(
      db,
      tx,
      `SELECT t.title AS task_type, to_char(t.start_time, 'HH24:MI') AS start, to_char(t.end_time, 'HH24:MI') AS "end", tm.name AS team,
              p.id AS participant_id, p.given_name, p.family_name, p.phone, ${withDiets ? 'p.diets_sealed' : 'NULL::bytea AS diets_sealed'}, s.state
         FROM task_slots s
         JOIN task_types t ON t.tenant_id = s.tenant_id AND t.id = s.task_type_id
         JOIN teams tm ON tm.tenant_id = s.tenant_id AND tm.id = s.team_id
         LEFT JOIN participants p ON p.tenant_id = s.tenant_id AND p.id = s.participant_id AND s.state <> 'rejected'
        WHERE s.election_id = $1 AND s.work_location_id = $2 AND s.task_date = $3
        ORDER BY t.start_time, t.title COLLATE ${c}, tm.name COLLATE ${c}, (p.id IS NULL), p.family_name COLLATE ${c}, p.given_name COLLATE ${c}, s.id`,
      [input.electionId, input.workLocationId, input.date],
    );
    const nameOf = (s: SlotRow) => (s.participant_id ? `${s.given_name} ${s.family_name}` : null);
    // A legacy 'rejected' row is a vacant slot (the rejection is remembered elsewhere).
    const stateOf = (s: SlotRow): PrintState => (s.participant_id && (s.state === 'invited' || s.state === 'accepted') ? s.state : 'vacant');
    let diets: PrintListData['diets'];
    if (withDiets) {
      const key = await dietKey(keyring, tx, ctx.tenantId);
      const names = await dietNames(db, tx);
      const seen = new Set<string>();
      diets = [];
      for (const s of slots) {
        if (!s.participant_id || seen.has(s.participant_id) || !s.diets_sealed) continue;
        seen.add(s.participant_id);
        const choice = openDiets(key, ctx.tenantId, s.participant_id, s.diets_sealed);
        const text = [...choice.dietIds.map((d) => names.get(d) ?? ''), ...(choice.note ? [choice.note] : [])].filter(Boolean).join('; ');
        if (text) diets.push({ participant: nameOf(s)!, diets: text });
      }
    }
    await recordAudit(db, tx, ctx, {
      action: 'election.printListMade',
      entityType: 'electionWorkLocation',
      entityId: input.workLocationId,
      summary: { electionId: input.electionId, workLocationId: input.workLocationId, date: input.date, rows: slots.length, specialCategory: withDiets },
    });
    return {
      locale: defaultLocale,
      election: { title: election.title },
      workLocation: { name: wl.name, address: wl.address, postalCode: wl.postal_code, city: wl.city, districtNumber: wl.district_number, areaName: wl.area_name },
      date: input.date,
      rows: slots.map((s) => ({ taskType: s.task_type, start: s.start, end: s.end, team: s.team, participant: nameOf(s), phone: s.participant_id ? s.phone : null, state: stateOf(s) })),
      ...(diets ? { diets } : {}),
    };
  });
  return printListPdf(data, options);
}
