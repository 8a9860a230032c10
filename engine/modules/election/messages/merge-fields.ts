// The merge fields of a message to an election participant (the seed's list): the person, the election, and —
// for a message about one task — its work location, task type, date, times, payment and days left, the invitation
// link and the municipality's contact. Read from the rows in the caller's transaction; values are plain text.
import { DateTime } from 'luxon';
import type { Transaction } from 'sequelize';
import type { Database } from '../../../db/database';
import { NotFoundError } from '../../../errors';
import { zoneOf } from '../../../flows/tenant-rules';
import { select } from '../db';

type Locale = 'da' | 'sv' | 'en';

/** The election's merge fields besides the platform's {{name}}, {{municipality}} and {{date}} (Module.messageFields). */
export const ELECTION_MERGE_FIELDS = ['election', 'workLocation', 'workLocationAddress', 'taskType', 'taskDescription', 'start', 'end', 'payment', 'daysLeft', 'invitationLink', 'contact'] as const;
export type ElectionMergeField = (typeof ELECTION_MERGE_FIELDS)[number];

export const ELECTION_SAMPLE_FIELDS: Record<Locale, Record<ElectionMergeField, string>> = {
  da: { election: 'Folketingsvalg 2026', workLocation: 'Korsbæk Skole', workLocationAddress: 'Skolevej 1, 4000 Korsbæk', taskType: 'Valgstyrer', taskDescription: 'Du hjælper vælgerne og tæller stemmer op efter valget.', start: '07:30', end: '20:00', payment: '1.200,00 kr.', daysLeft: '12', invitationLink: 'https://korsbaek.example/valg/invitationer/eksempel', contact: 'valg@korsbaek.example, +45 70 12 34 56' },
  sv: { election: 'Riksdagsval 2026', workLocation: 'Småköpings skola', workLocationAddress: 'Skolvägen 1, 123 45 Småköping', taskType: 'Röstmottagare', taskDescription: 'Du tar emot väljarnas röster och räknar dem efter valet.', start: '07:30', end: '20:00', payment: '1 200,00 kr', daysLeft: '12', invitationLink: 'https://smakoping.example/val/inbjudningar/exempel', contact: 'val@smakoping.example, +46 123 456 78' },
  en: { election: 'General election 2026', workLocation: 'Korsbæk School', workLocationAddress: 'Skolevej 1, 4000 Korsbæk', taskType: 'Election officer', taskDescription: 'You help the voters and count the votes after the election.', start: '07:30', end: '20:00', payment: 'DKK 1,200.00', daysLeft: '12', invitationLink: 'https://korsbaek.example/election/invitations/example', contact: 'valg@korsbaek.example, +45 70 12 34 56' },
};

export interface ParticipantRow {
  id: string;
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
  personal_number_country: 'DK' | 'SE';
  personal_number_sealed: Buffer;
  digital_post_exempt: boolean;
}

export interface SlotRow {
  id: string;
  state: 'vacant' | 'invited' | 'accepted' | 'rejected';
  participant_id: string | null;
  election_id: string;
  task_date: string;
  task_type_id: string;
  work_location: string;
  wl_address: string;
  wl_postal_code: string;
  wl_city: string;
  task_type: string;
  task_description: string;
  start_time: string;
  end_time: string;
  payment: string;
  task_type_templates: Record<string, string>;
}

export interface ElectionRow {
  id: string;
  title: string;
  templates: Record<string, string>;
}

export interface TenantRow {
  name: string;
  country: 'DK' | 'SE';
  default_locale: Locale;
  settings: { contact?: { email?: string; phone?: string } };
  site_contact: { email?: string; phone?: string } | null;
}

export async function loadParticipant(db: Database, tx: Transaction, participantId: string): Promise<ParticipantRow> {
  const [p] = await select<ParticipantRow>(db, tx, 'SELECT id, given_name, family_name, email, phone, personal_number_country, personal_number_sealed, digital_post_exempt FROM participants WHERE id = $1', [participantId]);
  if (!p) throw new NotFoundError();
  return p;
}

export async function loadElection(db: Database, tx: Transaction, electionId: string): Promise<ElectionRow> {
  const [e] = await select<ElectionRow>(db, tx, 'SELECT id, title, templates FROM elections WHERE id = $1', [electionId]);
  if (!e) throw new NotFoundError();
  return e;
}

/** A slot of the election with what its message tells (work location, task type); undefined when there is none. */
export async function loadSlot(db: Database, tx: Transaction, electionId: string, slotId: string): Promise<SlotRow | undefined> {
  const [s] = await select<SlotRow>(
    db,
    tx,
    `SELECT s.id, s.state, s.participant_id, s.election_id, to_char(s.task_date, 'YYYY-MM-DD') AS task_date, s.task_type_id,
            wl.name AS work_location, wl.address AS wl_address, wl.postal_code AS wl_postal_code, wl.city AS wl_city,
            tt.title AS task_type, tt.description AS task_description, to_char(tt.start_time, 'HH24:MI') AS start_time,
            to_char(tt.end_time, 'HH24:MI') AS end_time, tt.payment::text AS payment, tt.templates AS task_type_templates
       FROM task_slots s JOIN work_locations wl ON wl.id = s.work_location_id JOIN task_types tt ON tt.id = s.task_type_id
      WHERE s.id = $1 AND s.election_id = $2`,
    [slotId, electionId],
  );
  return s;
}

export async function loadTenant(db: Database, tx: Transaction, tenantId: string): Promise<TenantRow> {
  const [t] = await select<TenantRow>(
    db,
    tx,
    'SELECT t.name, t.country, t.default_locale, t.settings, (SELECT contact FROM election_site) AS site_contact FROM tenants t WHERE t.id = $1',
    [tenantId],
  );
  if (!t) throw new NotFoundError();
  return t;
}

const CURRENCY: Record<'DK' | 'SE', string> = { DK: 'DKK', SE: 'SEK' };
const INTL: Record<Locale, Record<'DK' | 'SE', string>> = { da: { DK: 'da-DK', SE: 'da-DK' }, sv: { DK: 'sv-SE', SE: 'sv-SE' }, en: { DK: 'en-DK', SE: 'en-SE' } };

/** Every merge field of the seed's list, from the rows; the task's fields are empty for a message about no task. */
export function mergeFieldsOf(
  rows: { participant: Pick<ParticipantRow, 'given_name' | 'family_name'>; election: Pick<ElectionRow, 'title'>; slot?: SlotRow | undefined; tenant: TenantRow },
  locale: Locale,
  opts: { now: Date; invitationLink?: string },
): Record<string, string> {
  const { participant, election, slot, tenant } = rows;
  const zone = zoneOf(tenant.country);
  const contactOf = (c: { email?: string; phone?: string } | null | undefined) => [c?.email, c?.phone].filter((x): x is string => !!x).join(', ');
  const fields: Record<string, string> = {
    name: `${participant.given_name} ${participant.family_name}`,
    municipality: tenant.name,
    election: election.title,
    contact: contactOf(rows.tenant.site_contact) || contactOf(tenant.settings.contact),
    invitationLink: opts.invitationLink ?? '',
    workLocation: '',
    workLocationAddress: '',
    taskType: '',
    taskDescription: '',
    date: '',
    start: '',
    end: '',
    payment: '',
    daysLeft: '',
  };
  if (!slot) return fields;
  const day = DateTime.fromISO(slot.task_date, { zone });
  const today = DateTime.fromJSDate(opts.now, { zone }).startOf('day');
  return {
    ...fields,
    workLocation: slot.work_location,
    workLocationAddress: [slot.wl_address, [slot.wl_postal_code, slot.wl_city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
    taskType: slot.task_type,
    taskDescription: slot.task_description,
    date: day.setLocale(locale).toLocaleString(DateTime.DATE_FULL),
    start: slot.start_time,
    end: slot.end_time,
    payment: new Intl.NumberFormat(INTL[locale][tenant.country], { style: 'currency', currency: CURRENCY[tenant.country] }).format(Number(slot.payment)),
    daysLeft: String(Math.max(0, Math.round(day.startOf('day').diff(today, 'days').days))),
  };
}
