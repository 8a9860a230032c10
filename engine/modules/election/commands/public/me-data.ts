// GDPR art. 15: everything election staffing holds about the logged-in participant, as JSON and as a readable PDF
// (the same content, headings in the tenant's language). The registry's data (the personal number masked: the
// whole number is the person's own, but it stays sealed and out of a file that may be left on a shared computer),
// contact details, diets, signup fields, teams, every task (held, answered, past), the rejected invitations and
// the messages queued for them. Each download is audited (election.myDataExported with the format, never content).
import PDFDocument from 'pdfkit';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import type { Locale } from '../../../../db/models';
import { select, tenantFacts, type ElectionDeps } from '../../db';
import { dietNames, findParticipant } from '../../participants/rows';
import { dietKey, openDiets } from '../../participants/sealed-diets';
import { requireMe } from '../../queries/public/me-common';

export interface MyData {
  exportedAt: string;
  person: Record<string, unknown>;
  contact: { phone: string | null; email: string | null };
  diets: { names: string[]; note: string | null };
  signupFields: Record<string, unknown>;
  teams: { name: string; joinedAt: string }[];
  tasks: { election: string; date: string; start: string; end: string; taskType: string; workLocation: string; team: string; state: string; answeredAt: string | null }[];
  rejections: { election: string; date: string; taskType: string; rejectedAt: string }[];
  messages: { event: string; state: string; createdAt: string }[];
}

export async function exportMyData(deps: ElectionDeps, ctx: CommandContext, format: 'json' | 'pdf'): Promise<{ data: MyData; locale: Locale }> {
  const { db, keyring } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const me = await requireMe(db, tx, ctx.actor);
    const row = await findParticipant(db, tx, me);
    const { defaultLocale } = await tenantFacts(db, tx, ctx.tenantId);
    const choice = openDiets(await dietKey(keyring, tx, row.tenant_id), row.tenant_id, row.id, row.diets_sealed);
    const names = await dietNames(db, tx);
    const teams = await select<{ name: string; joined_at: Date }>(db, tx, 'SELECT t.name, tm.joined_at FROM team_members tm JOIN teams t ON t.tenant_id = tm.tenant_id AND t.id = tm.team_id WHERE tm.participant_id = $1 ORDER BY t.name', [me]);
    const tasks = await select<MyData['tasks'][number] & { answered_at: Date | null }>(
      db,
      tx,
      `SELECT e.title AS election, s.task_date::text AS date, to_char(tt.start_time, 'HH24:MI') AS start, to_char(tt.end_time, 'HH24:MI') AS "end", tt.title AS "taskType",
              w.name AS "workLocation", t.name AS team, s.state, s.answered_at
         FROM task_slots s JOIN elections e ON e.tenant_id = s.tenant_id AND e.id = s.election_id JOIN task_types tt ON tt.tenant_id = s.tenant_id AND tt.id = s.task_type_id
         JOIN work_locations w ON w.tenant_id = s.tenant_id AND w.id = s.work_location_id JOIN teams t ON t.tenant_id = s.tenant_id AND t.id = s.team_id
        WHERE s.participant_id = $1 ORDER BY s.task_date, tt.start_time, s.id`,
      [me],
    );
    const rejections = await select<{ election: string; date: string; taskType: string; rejected_at: Date }>(
      db,
      tx,
      `SELECT e.title AS election, r.task_date::text AS date, tt.title AS "taskType", r.rejected_at FROM task_rejections r
         JOIN elections e ON e.tenant_id = r.tenant_id AND e.id = r.election_id JOIN task_types tt ON tt.tenant_id = r.tenant_id AND tt.id = r.task_type_id
        WHERE r.participant_id = $1 ORDER BY r.rejected_at`,
      [me],
    );
    const messages = await select<{ event: string; state: string; created_at: Date }>(db, tx, 'SELECT event, state, created_at FROM participant_messages WHERE participant_id = $1 ORDER BY created_at, id', [me]);
    await recordAudit(db, tx, ctx, { action: 'election.myDataExported', entityType: 'electionParticipant', entityId: me, summary: { format } });
    const data: MyData = {
      exportedAt: new Date().toISOString(),
      person: {
        givenName: row.given_name,
        familyName: row.family_name,
        personalNumber: row.personal_number_masked,
        birthDate: row.birth_date,
        address: row.protected_address ? null : row.address,
        postalCode: row.protected_address ? null : row.postal_code,
        city: row.protected_address ? null : row.city,
        protectedAddress: row.protected_address,
        municipalityCode: row.municipality_code,
        citizenship: row.citizenship,
        disenfranchised: row.disenfranchised,
        registryCheckedAt: row.registry_checked_at.toISOString(),
        createdAt: row.created_at.toISOString(),
      },
      contact: { phone: row.phone, email: row.email },
      diets: { names: choice.dietIds.map((d) => names.get(d)).filter((n): n is string => n !== undefined), note: choice.note },
      signupFields: row.signup_fields,
      teams: teams.map((t) => ({ name: t.name, joinedAt: t.joined_at.toISOString() })),
      tasks: tasks.map(({ answered_at, ...t }) => ({ ...t, answeredAt: answered_at ? answered_at.toISOString() : null })),
      rejections: rejections.map(({ rejected_at, ...r }) => ({ ...r, rejectedAt: rejected_at.toISOString() })),
      messages: messages.map((m) => ({ event: m.event, state: m.state, createdAt: m.created_at.toISOString() })),
    };
    return { data, locale: defaultLocale };
  });
}

const HEADINGS: Record<Locale, Record<'title' | 'person' | 'contact' | 'diets' | 'signupFields' | 'teams' | 'tasks' | 'rejections' | 'messages' | 'none', string>> = {
  da: { title: 'Mine oplysninger i valgbemandingen', person: 'Oplysninger fra CPR', contact: 'Kontakt', diets: 'Specialkost', signupFields: 'Tilmeldingsfelter', teams: 'Hold', tasks: 'Opgaver', rejections: 'Afviste invitationer', messages: 'Beskeder', none: 'Ingen' },
  sv: { title: 'Mina uppgifter i valbemanningen', person: 'Uppgifter från folkbokföringen', contact: 'Kontakt', diets: 'Specialkost', signupFields: 'Anmälningsfält', teams: 'Lag', tasks: 'Uppdrag', rejections: 'Avböjda inbjudningar', messages: 'Meddelanden', none: 'Inga' },
  en: { title: 'My data in election staffing', person: 'Registry data', contact: 'Contact', diets: 'Special diets', signupFields: 'Sign-up fields', teams: 'Teams', tasks: 'Tasks', rejections: 'Rejected invitations', messages: 'Messages', none: 'None' },
};

/** The same data as a readable A4 PDF (pdfkit's Helvetica: WinAnsi covers Danish and Swedish letters). */
export function myDataPdf(data: MyData, locale: Locale): Promise<Buffer> {
  const h = HEADINGS[locale];
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: h.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const value = (v: unknown): string => (v === null || v === undefined || v === '' ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const section = (title: string, lines: string[]) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(title);
    doc.font('Helvetica').fontSize(10);
    if (lines.length === 0) doc.text(h.none);
    for (const line of lines) doc.text(line);
  };
  doc.font('Helvetica-Bold').fontSize(18).text(h.title);
  doc.font('Helvetica').fontSize(9).text(data.exportedAt);
  section(h.person, Object.entries(data.person).map(([k, v]) => `${k}: ${value(v)}`));
  section(h.contact, [`phone: ${value(data.contact.phone)}`, `email: ${value(data.contact.email)}`]);
  section(h.diets, [...data.diets.names, ...(data.diets.note ? [data.diets.note] : [])]);
  section(h.signupFields, Object.entries(data.signupFields).map(([k, v]) => `${k}: ${value(v)}`));
  section(h.teams, data.teams.map((t) => `${t.name} (${t.joinedAt.slice(0, 10)})`));
  section(h.tasks, data.tasks.map((t) => `${t.date} ${t.start}–${t.end} · ${t.taskType} · ${t.workLocation} · ${t.team} · ${t.election} · ${t.state}`));
  section(h.rejections, data.rejections.map((r) => `${r.date} · ${r.taskType} · ${r.election} · ${r.rejectedAt.slice(0, 10)}`));
  section(h.messages, data.messages.map((m) => `${m.createdAt.slice(0, 16).replace('T', ' ')} · ${m.event} · ${m.state}`));
  doc.end();
  return done;
}
