// The extra fields of the tenant's signup template (its published form of kind signupTemplate) that an
// administrator enters for a participant. The template's own contact and diet fields are the participant's
// columns (phone, e-mail, the sealed diets) and party membership is a team: those keys are refused here, so no
// special-category answer lands in clear in signup_fields. Each other answer must be a field of the template's
// newest version and fit it.
import type { Transaction } from 'sequelize';
import type { FormDefinitionDraft } from '../../../../schemas/types/forms-form-definition-draft';
import { createFormAjv, fieldError, toFieldErrors } from '../../../../forms/validation';
import type { Database } from '../../../db/database';
import { ValidationError } from '../../../errors';
import { select } from '../db';

/** Template fields that are not signup_fields: columns of their own, sealed, or a team membership. */
export const RESERVED_SIGNUP_FIELDS = new Set(['name', 'email', 'phone', 'address', 'specialDiet', 'dietNote', 'partyMember', 'party']);

/** The column holds at most 16384 bytes of JSON text (migration 0012; jsonb's text adds a space per key and comma). */
const MAX_SIGNUP_BYTES = 15_000;

/** The newest published signup template's field schemas, by key (empty when the tenant has none). */
async function templateFields(db: Database, tx: Transaction): Promise<Record<string, object>> {
  const [form] = await select<{ properties: Record<string, object> | null }>(
    db,
    tx,
    `SELECT v.definition->'schema'->'properties' AS properties
       FROM form_definitions d JOIN form_versions v ON v.definition_id = d.id AND v.version = d.latest_version
      WHERE d.kind = 'signupTemplate' AND d.latest_version > 0
      ORDER BY d.created_at, d.id LIMIT 1`,
  );
  return form?.properties ?? {};
}

/** The answers, checked against the template; 400 naming each field that is not one of it or does not fit. */
export async function checkSignupFields(db: Database, tx: Transaction, answers: Record<string, unknown> | undefined): Promise<Record<string, unknown>> {
  if (!answers || Object.keys(answers).length === 0) return {};
  if (Buffer.byteLength(JSON.stringify(answers)) > MAX_SIGNUP_BYTES) throw new ValidationError([fieldError('/signupFields', 'schema.maxLength', { limit: MAX_SIGNUP_BYTES }, 'is too long')]);
  const properties = await templateFields(db, tx);
  const keys = Object.keys(answers);
  const foreign = keys.filter((k) => RESERVED_SIGNUP_FIELDS.has(k) || !Object.prototype.hasOwnProperty.call(properties, k));
  if (foreign.length) throw new ValidationError(foreign.map((k) => fieldError(`/signupFields/${k}`, 'election.unknownSignupField', { field: k }, 'is not an extra field of the signup template')));
  const check = createFormAjv().compile({ type: 'object', properties: Object.fromEntries(keys.map((k) => [k, properties[k]!])) });
  if (!check(structuredClone(answers))) throw new ValidationError(toFieldErrors(check.errors).map((f) => ({ ...f, field: `/signupFields${f.field === '/' ? '' : f.field}` })));
  return answers;
}

/** A form definition as stored in form_versions.definition (its schema, UI schema and texts per language). */
type Definition = { schema?: { properties?: Record<string, unknown>; required?: string[]; allOf?: unknown[] }; uiSchema?: Record<string, unknown>; translations?: Record<string, Record<string, unknown>> } & Record<string, unknown>;

/** Whether a condition (allOf's if/then/else) names a field the wizard asks itself: such a condition is not the extra fields'. */
const mentionsReserved = (part: unknown): boolean => {
  const text = JSON.stringify(part ?? {});
  return [...RESERVED_SIGNUP_FIELDS].some((k) => text.includes(`"${k}"`));
};

/**
 * The newest published signup template as the public sign-up wizard asks it: only its extra fields (the reserved
 * ones are the wizard's own steps), with their texts, order and conditions among themselves; undefined when it has
 * none. Its id and version say which template it came from.
 */
export async function signupFieldsDefinition(db: Database, tx: Transaction): Promise<{ id: string; version: number; definition: FormDefinitionDraft } | undefined> {
  const [form] = await select<{ id: string; version: number; definition: Definition }>(
    db,
    tx,
    `SELECT d.id, v.version, v.definition
       FROM form_definitions d JOIN form_versions v ON v.definition_id = d.id AND v.version = d.latest_version
      WHERE d.kind = 'signupTemplate' AND d.latest_version > 0
      ORDER BY d.created_at, d.id LIMIT 1`,
  );
  if (!form) return undefined;
  const { definition } = form;
  const schema = definition.schema ?? {};
  const keep = (k: string) => !RESERVED_SIGNUP_FIELDS.has(k);
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => keep(k)));
  if (Object.keys(properties).length === 0) return undefined;
  const allOf = (schema.allOf ?? []).filter((c) => !mentionsReserved(c));
  const required = (schema.required ?? []).filter(keep);
  const ui = { ...(definition.uiSchema ?? {}) };
  for (const k of RESERVED_SIGNUP_FIELDS) delete ui[k];
  if (Array.isArray(ui['ui:order'])) ui['ui:order'] = (ui['ui:order'] as string[]).filter((k) => k === '*' || keep(k));
  const translations = Object.fromEntries(
    Object.entries(definition.translations ?? {}).map(([locale, texts]) => [locale, Object.fromEntries(Object.entries(texts).filter(([path]) => keep(path.split('.')[0]!)))]),
  );
  const extra: Definition['schema'] = { ...schema, properties, required, allOf };
  if (!required.length) delete extra.required;
  if (!allOf.length) delete extra.allOf;
  return { id: form.id, version: form.version, definition: { ...definition, schema: extra, uiSchema: ui, translations } as unknown as FormDefinitionDraft };
}
