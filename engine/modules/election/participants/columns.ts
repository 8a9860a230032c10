// The participant list's columns: what the administrator may choose for the page and the export, their labels
// in the three languages, and each one's value for a row. `diets` and `partyMembership` are special-category
// data (religion or health; political opinion): never part of a default, only when a request names them, only
// for those allowed (election.specialCategory.view), and an export holding them says so in its audit row.
import type { Locale } from '../../../db/models';
import { PROTECTED_ADDRESS_TEXT, shownAddress, type AddressFields } from './masking';
import { registryStatusOf, type RegistryStatus } from './registry-status';
import type { Country } from '../../../db/models';

export { ORDINARY_COLUMNS, PARTICIPANT_COLUMNS, SPECIAL_COLUMNS, isSpecialColumn, type ParticipantColumn, type SpecialColumn } from '../../../../schemas/election/participant-columns';
import type { ParticipantColumn } from '../../../../schemas/election/participant-columns';

export const COLUMN_LABELS: Record<Locale, Record<ParticipantColumn, string>> = {
  da: {
    name: 'Navn',
    givenName: 'Fornavn',
    familyName: 'Efternavn',
    personalNumber: 'CPR-nummer (maskeret)',
    birthDate: 'Fødselsdato',
    address: 'Adresse',
    postalCode: 'Postnummer',
    city: 'By',
    municipalityCode: 'Kommunekode',
    citizenship: 'Statsborgerskab',
    registryStatus: 'Status i CPR',
    registryCheckedAt: 'Senest tjekket i CPR',
    phone: 'Telefon',
    email: 'E-mail',
    digitalPostExempt: 'Fritaget for Digital Post',
    teams: 'Teams',
    tasks: 'Opgaver',
    createdAt: 'Oprettet',
    diets: 'Specialkost',
    partyMembership: 'Partimedlemskab',
  },
  sv: {
    name: 'Namn',
    givenName: 'Förnamn',
    familyName: 'Efternamn',
    personalNumber: 'Personnummer (maskerat)',
    birthDate: 'Födelsedatum',
    address: 'Adress',
    postalCode: 'Postnummer',
    city: 'Ort',
    municipalityCode: 'Kommunkod',
    citizenship: 'Medborgarskap',
    registryStatus: 'Status i folkbokföringen',
    registryCheckedAt: 'Senast kontrollerad i folkbokföringen',
    phone: 'Telefon',
    email: 'E-post',
    digitalPostExempt: 'Undantagen från digital post',
    teams: 'Team',
    tasks: 'Uppdrag',
    createdAt: 'Skapad',
    diets: 'Specialkost',
    partyMembership: 'Partimedlemskap',
  },
  en: {
    name: 'Name',
    givenName: 'Given name',
    familyName: 'Family name',
    personalNumber: 'Personal number (masked)',
    birthDate: 'Birth date',
    address: 'Address',
    postalCode: 'Postal code',
    city: 'City',
    municipalityCode: 'Municipality code',
    citizenship: 'Citizenship',
    registryStatus: 'Registry status',
    registryCheckedAt: 'Last checked in the registry',
    phone: 'Phone',
    email: 'E-mail',
    digitalPostExempt: 'Exempt from Digital Post',
    teams: 'Teams',
    tasks: 'Tasks',
    createdAt: 'Created',
    diets: 'Special diets',
    partyMembership: 'Party membership',
  },
};

export const STATUS_LABELS: Record<Locale, Record<RegistryStatus, string>> = {
  da: { ok: 'OK', deceased: 'Død', disenfranchised: 'Uden valgret', movedAway: 'Fraflyttet kommunen' },
  sv: { ok: 'OK', deceased: 'Avliden', disenfranchised: 'Utan rösträtt', movedAway: 'Utflyttad från kommunen' },
  en: { ok: 'OK', deceased: 'Deceased', disenfranchised: 'Disenfranchised', movedAway: 'Moved away' },
};

const YES_NO: Record<Locale, [string, string]> = { da: ['Ja', 'Nej'], sv: ['Ja', 'Nej'], en: ['Yes', 'No'] };

/** A row of the export query: the participant's columns plus the aggregates the chosen columns need. */
export interface ExportRow extends AddressFields {
  id: string;
  personal_number_country: Country;
  personal_number_masked: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  municipality_code: string;
  citizenship: string;
  deceased: boolean;
  disenfranchised: boolean;
  registry_checked_at: Date;
  phone: string | null;
  email: string | null;
  digital_post_exempt: boolean;
  created_at: Date;
  /** The person's teams (ids), when a teams column is chosen; named through CellContext.teams. */
  team_ids?: string[] | null;
  tasks?: number | null;
  diets_sealed?: Buffer | null;
}

export interface CellContext {
  locale: Locale;
  zone: string;
  /** The diets column's text for a row (opened from its sealed blob); only when that column is chosen. */
  diets?: (row: ExportRow) => string;
  /** The names of a row's ordinary teams, or of its parties' teams ("; " between them). */
  teams?: (row: ExportRow, parties: boolean) => string;
}

// 'YYYY-MM-DD HH:mm' in the tenant's zone. An export formats two times per row, 100,000 rows: the zone's
// offset is found once per hour of UTC (offsets change on the hour, in Europe at 01:00 UTC) and the text made
// from the shifted time, some five times faster than Intl per cell and twenty times faster than a luxon DateTime.
const HOUR_MS = 3_600_000;
const offsets = new Map<string, number>();
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function offsetAt(zone: string, hour: number): number {
  const key = `${zone}:${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    let f = zoneFormats.get(zone);
    if (!f) zoneFormats.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })));
    const parts = Object.fromEntries(f.formatToParts(new Date(hour * HOUR_MS)).map((p) => [p.type, Number(p.value)]));
    offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - hour * HOUR_MS;
    if (offsets.size >= 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

function at(d: Date, zone: string): string {
  const ms = new Date(d).getTime();
  const local = new Date(ms + offsetAt(zone, Math.floor(ms / HOUR_MS))).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** A column's value for a row, as text (or a number): protected addresses masked, booleans and statuses in words. */
export function cellOf(column: ParticipantColumn, row: ExportRow, ctx: CellContext): string | number {
  switch (column) {
    case 'name':
      return `${row.given_name} ${row.family_name}`;
    case 'givenName':
      return row.given_name;
    case 'familyName':
      return row.family_name;
    case 'personalNumber':
      return row.personal_number_masked;
    case 'birthDate':
      return row.birth_date;
    case 'address':
      return row.protected_address ? PROTECTED_ADDRESS_TEXT[ctx.locale] : (shownAddress(row)?.street ?? '');
    case 'postalCode':
      return shownAddress(row)?.postalCode ?? '';
    case 'city':
      return shownAddress(row)?.city ?? '';
    case 'municipalityCode':
      return row.municipality_code;
    case 'citizenship':
      return row.citizenship;
    case 'registryStatus':
      return STATUS_LABELS[ctx.locale][registryStatusOf(row)];
    case 'registryCheckedAt':
      return at(row.registry_checked_at, ctx.zone);
    case 'phone':
      return row.phone ?? '';
    case 'email':
      return row.email ?? '';
    case 'digitalPostExempt':
      return YES_NO[ctx.locale][row.digital_post_exempt ? 0 : 1];
    case 'teams':
      return ctx.teams ? ctx.teams(row, false) : '';
    case 'tasks':
      return Number(row.tasks ?? 0);
    case 'createdAt':
      return at(row.created_at, ctx.zone);
    case 'diets':
      return ctx.diets ? ctx.diets(row) : '';
    case 'partyMembership':
      return ctx.teams ? ctx.teams(row, true) : '';
  }
}
