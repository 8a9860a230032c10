// What the election commands share: the election row (read and locked inside the tenant's transaction, so
// another tenant's id is a missing one), the setup steps' order, whole-day date arithmetic and the checks of
// referenced rows (a template key, a task type) that answer 400 naming the field.
import type { Transaction } from 'sequelize';
import type { FieldError } from '../../../../../forms/validation';
import { fieldError } from '../../../../../forms/validation';
import { NotFoundError, ValidationError } from '../../../../errors';
import { select, type ElectionDeps } from '../../db';
import { electionConflict } from '../../errors';
import { MESSAGE_EVENTS, type EventTemplates } from '../../message-events';

export const SETUP_STEPS = ['dates', 'workLocations', 'messages', 'done'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface ElectionRow {
  id: string;
  tenant_id: string;
  title: string;
  election_type_id: string;
  /** ISO dates (YYYY-MM-DD), read as text: no time zone can move them. */
  election_day: string;
  first_task_date: string | null;
  last_task_date: string | null;
  lock_days: number;
  templates: EventTemplates;
  active: boolean;
  setup_step: SetupStep;
  created_at: Date;
  updated_at: Date;
}

/** The columns of an ElectionRow, of the table or of its alias `a` in a join. */
export function electionColumns(a = ''): string {
  const p = a ? `${a}.` : '';
  return `${p}id, ${p}tenant_id, ${p}title, ${p}election_type_id, ${p}election_day::text AS election_day, ${p}first_task_date::text AS first_task_date,
    ${p}last_task_date::text AS last_task_date, ${p}lock_days, ${p}templates, ${p}active, ${p}setup_step, ${p}created_at, ${p}updated_at`;
}

/** The election, locked for the rest of the transaction when asked; 404 when the tenant has none with this id. */
export async function findElection(deps: ElectionDeps, tx: Transaction, id: string, opts: { lock?: boolean } = {}): Promise<ElectionRow> {
  const [row] = await select<ElectionRow>(deps.db, tx, `SELECT ${electionColumns()} FROM elections WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * The setup step a step's PUT leaves the election at: the next one when the election was at this step, the one
 * it was at when this step is revisited. A step whose earlier steps are not filled in yet is refused (409).
 */
export function stepAfter(current: SetupStep, step: Exclude<SetupStep, 'done'>): SetupStep {
  const at = SETUP_STEPS.indexOf(current);
  const own = SETUP_STEPS.indexOf(step);
  if (at < own) throw electionConflict('election.setupStepNotReached', `the setup is at step ${current}; fill that in first`, { step: current });
  return at === own ? SETUP_STEPS[own + 1]! : current;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The ISO date `days` days after `date`. */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The tenant's election type with this id exists, else 400 naming the field. */
export async function checkElectionType(deps: ElectionDeps, tx: Transaction, id: string, field = '/electionTypeId'): Promise<void> {
  const [row] = await select<{ id: string }>(deps.db, tx, 'SELECT id FROM election_types WHERE id = $1', [id]);
  if (!row) throw new ValidationError([fieldError(field, 'election.unknownElectionType', {}, 'no election type of this municipality has this id')]);
}

/** The template keys of an event map that the tenant has no message template for, as field errors under `prefix`. */
export async function unknownTemplates(deps: ElectionDeps, tx: Transaction, templates: EventTemplates, prefix: string): Promise<FieldError[]> {
  const used = MESSAGE_EVENTS.filter((e) => templates[e] !== undefined);
  if (!used.length) return [];
  const keys = [...new Set(used.map((e) => templates[e]!))];
  const found = new Set((await select<{ key: string }>(deps.db, tx, 'SELECT key FROM message_templates WHERE key = ANY($1::text[])', [keys])).map((r) => r.key));
  return used.filter((e) => !found.has(templates[e]!)).map((e) => fieldError(`${prefix}/${e}`, 'election.unknownTemplate', { key: templates[e] }, 'no message template of this municipality has this key'));
}

/** Only the known events, in their order (the schema has checked there are no others). */
export function eventTemplates(input: EventTemplates | undefined): EventTemplates {
  const out: EventTemplates = {};
  for (const e of MESSAGE_EVENTS) if (typeof input?.[e] === 'string') out[e] = input[e];
  return out;
}
