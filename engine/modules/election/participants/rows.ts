// The participants table as the commands and queries read it, and the checks they share: the tenant's country
// and language, a participant by id (another tenant's id answers like a missing one: RLS), and that the teams
// and diets a request names are the tenant's.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import type { Database } from '../../../db/database';
import type { Country } from '../../../db/models';
import { NotFoundError, ValidationError } from '../../../errors';
import { fieldError } from '../../../../forms/validation';
import { select } from '../db';

export interface ParticipantRow {
  id: string;
  tenant_id: string;
  personal_number_country: Country;
  personal_number_sealed: Buffer;
  personal_number_hash: string;
  personal_number_masked: string;
  given_name: string;
  family_name: string;
  /** YYYY-MM-DD (read as text). */
  birth_date: string;
  address: string | null;
  postal_code: string | null;
  city: string | null;
  municipality_code: string;
  citizenship: string;
  protected_address: boolean;
  deceased: boolean;
  disenfranchised: boolean;
  registry_checked_at: Date;
  phone: string | null;
  email: string | null;
  diets_sealed: Buffer | null;
  signup_fields: Record<string, unknown>;
  digital_post_exempt: boolean;
  user_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Every column, the birth date as text (a date has no time zone to shift it). */
export const PARTICIPANT_COLUMNS_SQL = `p.id, p.tenant_id, p.personal_number_country, p.personal_number_sealed, p.personal_number_hash, p.personal_number_masked,
  p.given_name, p.family_name, p.birth_date::text AS birth_date, p.address, p.postal_code, p.city, p.municipality_code, p.citizenship,
  p.protected_address, p.deceased, p.disenfranchised, p.registry_checked_at, p.phone, p.email, p.diets_sealed, p.signup_fields,
  p.digital_post_exempt, p.user_id, p.created_at, p.updated_at`;

export const newParticipantId = (): string => randomUUID();

/** The participant, or 404 (also for another tenant's id, which RLS hides). */
export async function findParticipant(db: Database, tx: Transaction, id: string, opts: { lock?: boolean } = {}): Promise<ParticipantRow> {
  const [row] = await select<ParticipantRow>(db, tx, `SELECT ${PARTICIPANT_COLUMNS_SQL} FROM participants p WHERE p.id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!row) throw new NotFoundError();
  return row;
}

export interface TeamRow {
  id: string;
  name: string;
  short_name: string;
  political_party: boolean;
}

/** The tenant's teams of these ids; 400 naming each id that is none of them. */
export async function checkTeams(db: Database, tx: Transaction, teamIds: readonly string[], field = '/teamIds'): Promise<TeamRow[]> {
  if (teamIds.length === 0) return [];
  const found = await select<TeamRow>(db, tx, 'SELECT id, name, short_name, political_party FROM teams WHERE id = ANY($1::uuid[])', [teamIds]);
  const known = new Set(found.map((t) => t.id));
  const unknown = teamIds.map((id, i) => [id, i] as const).filter(([id]) => !known.has(id));
  if (unknown.length) throw new ValidationError(unknown.map(([, i]) => fieldError(`${field}/${i}`, 'election.unknownTeam', {}, 'is not a team of this municipality')));
  return found;
}

/** The same for special diets. */
export async function checkDiets(db: Database, tx: Transaction, dietIds: readonly string[], field = '/dietIds'): Promise<void> {
  if (dietIds.length === 0) return;
  const found = await select<{ id: string }>(db, tx, 'SELECT id FROM special_diets WHERE id = ANY($1::uuid[])', [dietIds]);
  const known = new Set(found.map((t) => t.id));
  const unknown = dietIds.map((id, i) => [id, i] as const).filter(([id]) => !known.has(id));
  if (unknown.length) throw new ValidationError(unknown.map(([, i]) => fieldError(`${field}/${i}`, 'election.unknownDiet', {}, 'is not a special diet of this municipality')));
}

/** The tenant's diets by id (for showing a choice by name). */
export async function dietNames(db: Database, tx: Transaction): Promise<Map<string, string>> {
  const rows = await select<{ id: string; name: string }>(db, tx, 'SELECT id, name FROM special_diets ORDER BY name');
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Distinct ids, first occurrence kept (a list the person ticked twice is still one choice each). */
export const distinct = (ids: readonly string[] | undefined): string[] => [...new Set(ids ?? [])];
