// The registries modules plug into: actions (a config schema, and what the activity does) and subject types
// (what an instance is about: its dates, the facts conditions read, its person's address, how its personal
// data is deleted). The engine's built-ins register here; election and petitions add their own the same way.
import type { Transaction } from 'sequelize';
import type { CommandContext } from '../audit/record';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';

export interface SubjectDeps {
  db: Database;
  keyring: Keyring;
}

export interface ActionSpec {
  /** schemas/<path> of the config's JSON Schema (validated on publish; the editor renders it with RJSF). */
  configSchema: string;
  /** Whether the action changes only the instance's own state, so the core applies it (no activity work besides recording). */
  core?: boolean;
}

export const ACTIONS: Record<string, ActionSpec> = {
  setStatus: { configSchema: 'flows/actions/set-status.schema.json', core: true },
  notify: { configSchema: 'flows/actions/notify.schema.json' },
  createTask: { configSchema: 'flows/actions/create-task.schema.json' },
  extendDeadline: { configSchema: 'flows/actions/extend-deadline.schema.json', core: true },
  startChildFlow: { configSchema: 'flows/actions/start-child-flow.schema.json' },
  deletePersonalData: { configSchema: 'flows/actions/delete-personal-data.schema.json' },
};

export interface SubjectFacts {
  /** Dates the rules may count from (ISO), e.g. taskDate, electionDay. */
  dates: Record<string, string>;
  /** What conditions may read (`answers.x`, `consent.y`); only the names asked for are returned. */
  facts: Record<string, unknown>;
  /** The person's e-mail address, for notify to the subject; never leaves the activity. */
  email?: string;
  /** Merge fields for message templates. */
  mergeFields: Record<string, string>;
  locale?: 'da' | 'sv' | 'en';
}

export interface SubjectType {
  /** Whether instances hold personal data, so publishing requires a deletion rule. */
  personalData: boolean;
  load(deps: SubjectDeps, tx: Transaction, ctx: CommandContext, subjectId: string, vars: string[]): Promise<SubjectFacts>;
  deletePersonalData(deps: SubjectDeps, tx: Transaction, ctx: CommandContext, subjectId: string, options: { keepWithConsent: boolean }): Promise<{ erased: boolean }>;
}

const subjectTypes = new Map<string, SubjectType>();
/** Subject types the next modules will register; known now so their example flows can be published and previewed. */
const DECLARED_SUBJECT_TYPES = new Set(['formSubmission', 'electionTask', 'electionParticipant', 'petition']);

export function registerSubjectType(name: string, type: SubjectType): void {
  subjectTypes.set(name, type);
  DECLARED_SUBJECT_TYPES.add(name);
}

export function subjectType(name: string): SubjectType {
  const t = subjectTypes.get(name);
  if (!t) throw new Error(`no subject type "${name}" is registered`);
  return t;
}

export const isKnownSubjectType = (name: string): boolean => DECLARED_SUBJECT_TYPES.has(name);

/** Subjects that hold personal data must have a deletion rule before their flow may be published. */
export const requiresDeletion = (name: string): boolean => subjectTypes.get(name)?.personalData ?? false;
