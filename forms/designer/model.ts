// The designer's view of a form: an ordered list of fields with their texts per language, edited by the
// administrator and turned into our definition format (and back) by these pure functions. The saved document
// is always the definition format; this model exists so the editor can speak of "a phone field shown only when
// X is yes" instead of JSON Schema.
import type { FormDefinitionDraft } from '../../schemas/types/forms-form-definition-draft';

export type Locale = 'da' | 'sv' | 'en';
export const LOCALES: Locale[] = ['da', 'sv', 'en'];

export type FieldType = 'shortText' | 'longText' | 'number' | 'date' | 'email' | 'phone' | 'personalNumber' | 'singleChoice' | 'multipleChoice' | 'yesNo' | 'consent' | 'section';
export const FIELD_TYPES: FieldType[] = ['shortText', 'longText', 'number', 'date', 'email', 'phone', 'personalNumber', 'singleChoice', 'multipleChoice', 'yesNo', 'consent', 'section'];

export interface FieldTexts {
  label: string;
  help: string;
  /** Option labels, one per option value, for choice fields. */
  options: string[];
}

export interface DesignerField {
  key: string;
  type: FieldType;
  required: boolean;
  texts: Partial<Record<Locale, FieldTexts>>;
  /** Choice fields: the stored values (stable when labels change). */
  options: string[];
  /** Shown (and then possibly required) only when another field has this value. */
  showWhen?: { field: string; equals: string | boolean };
}

export interface DesignerForm {
  kind: FormDefinitionDraft['kind'];
  locales: Locale[];
  title: Partial<Record<Locale, string>>;
  fields: DesignerField[];
  /** Parts of the definition the designer does not edit (a consent statement's text), kept as they are. */
  rest: Pick<FormDefinitionDraft, 'consent' | 'description'>;
}

type Json = Record<string, unknown>;

function schemaOf(field: DesignerField, country: 'DK' | 'SE'): Json {
  switch (field.type) {
    case 'shortText':
      return { type: 'string', maxLength: 200, ...(field.required ? { minLength: 1 } : {}) };
    case 'longText':
      return { type: 'string', maxLength: 4000, ...(field.required ? { minLength: 1 } : {}) };
    case 'number':
      return { type: 'number', minimum: -1e9, maximum: 1e9 };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'email':
      return { type: 'string', format: 'email', maxLength: 254 };
    case 'phone':
      return { type: 'string', format: country === 'DK' ? 'dk-phone' : 'se-phone' };
    case 'personalNumber':
      return { type: 'string', format: country === 'DK' ? 'dk-cpr' : 'se-personnummer' };
    case 'singleChoice':
      return { type: 'string', enum: field.options };
    case 'multipleChoice':
      return { type: 'array', uniqueItems: true, maxItems: Math.max(1, field.options.length), items: { type: 'string', enum: field.options }, ...(field.required ? { minItems: 1 } : {}) };
    case 'yesNo':
      return { type: 'boolean' };
    case 'consent':
      return { type: 'boolean', const: true };
    case 'section':
      return { type: 'object', properties: {} };
  }
}

function typeOf(schema: Json): FieldType {
  if (schema.type === 'object') return 'section';
  if (schema.type === 'boolean') return schema.const === true ? 'consent' : 'yesNo';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  if (schema.type === 'array') return 'multipleChoice';
  if (Array.isArray(schema.enum)) return 'singleChoice';
  const format = String(schema.format ?? '');
  if (format === 'date') return 'date';
  if (format === 'email') return 'email';
  if (format.endsWith('-phone')) return 'phone';
  if (format === 'dk-cpr' || format === 'se-personnummer') return 'personalNumber';
  return Number(schema.maxLength ?? 0) > 200 ? 'longText' : 'shortText';
}

/** The designer's model → the definition format, ready to save as a draft. */
export function toDraft(form: DesignerForm, country: 'DK' | 'SE'): FormDefinitionDraft {
  const properties: Json = {};
  const required: string[] = [];
  const conditions: Json[] = [];
  for (const field of form.fields) {
    const schema = schemaOf(field, country);
    if (field.showWhen) {
      conditions.push({
        if: { properties: { [field.showWhen.field]: { const: field.showWhen.equals } }, required: [field.showWhen.field] },
        then: { properties: { [field.key]: schema }, ...(field.required ? { required: [field.key] } : {}) },
      });
    } else {
      properties[field.key] = schema;
      if (field.required) required.push(field.key);
    }
  }
  const translations: Json = {};
  for (const locale of form.locales) {
    const texts: Json = {};
    for (const field of form.fields) {
      const t = field.texts[locale];
      texts[field.key] = { label: t?.label ?? '', ...(t?.help ? { help: t.help } : {}), ...(field.options.length ? { options: field.options.map((_, i) => t?.options[i] ?? '') } : {}) };
    }
    translations[locale] = texts;
  }
  return {
    schemaVersion: 1,
    kind: form.kind,
    title: Object.fromEntries(form.locales.map((l) => [l, form.title[l] ?? ''])),
    ...form.rest,
    schema: { type: 'object', ...(required.length ? { required } : {}), properties, ...(conditions.length ? { allOf: conditions } : {}) },
    uiSchema: { 'ui:order': form.fields.map((f) => f.key), ...Object.fromEntries(form.fields.filter((f) => f.type === 'consent').map((f) => [f.key, { 'ui:widget': 'checkbox' }])) },
    translations: translations as FormDefinitionDraft['translations'],
  };
}

/**
 * A saved definition → the designer's model (fields in their UI order, conditional ones included). A draft with
 * no texts yet (a new form) is offered in `newFormLocales`: the tenant's language alone, so it can be published
 * as it is; other languages are ticked when someone will translate.
 */
export function fromDraft(draft: FormDefinitionDraft, newFormLocales: Locale[] = ['da']): DesignerForm {
  const schema = (draft.schema ?? {}) as { properties?: Record<string, Json>; required?: string[]; allOf?: Json[] };
  const found = new Map<string, DesignerField>();
  const locales = (Object.keys(draft.translations ?? {}) as Locale[]).filter((l) => LOCALES.includes(l));
  const textsOf = (key: string): DesignerField['texts'] =>
    Object.fromEntries(locales.map((l) => {
      const t = draft.translations?.[l]?.[key];
      return [l, { label: t?.label ?? '', help: t?.help ?? '', options: t?.options ?? [] }];
    }));
  const add = (key: string, fieldSchema: Json, required: boolean, showWhen?: DesignerField['showWhen']) => {
    const options = (Array.isArray(fieldSchema.enum) ? fieldSchema.enum : Array.isArray((fieldSchema.items as Json | undefined)?.enum) ? ((fieldSchema.items as Json).enum as unknown[]) : []).map(String);
    found.set(key, { key, type: typeOf(fieldSchema), required, texts: textsOf(key), options, ...(showWhen ? { showWhen } : {}) });
  };
  for (const [key, field] of Object.entries(schema.properties ?? {})) add(key, field, (schema.required ?? []).includes(key));
  for (const condition of schema.allOf ?? []) {
    const ifProps = ((condition.if as Json | undefined)?.properties ?? {}) as Record<string, Json>;
    const [whenField, whenSchema] = Object.entries(ifProps)[0] ?? [];
    const then = (condition.then ?? {}) as { properties?: Record<string, Json>; required?: string[] };
    for (const [key, field] of Object.entries(then.properties ?? {})) {
      add(key, field, (then.required ?? []).includes(key), whenField ? { field: whenField, equals: whenSchema?.const as string | boolean } : undefined);
    }
  }
  const order = ((draft.uiSchema as Json | undefined)?.['ui:order'] ?? []) as string[];
  const fields = [...order.filter((k) => found.has(k)).map((k) => found.get(k)!), ...[...found.values()].filter((f) => !order.includes(f.key))];
  return {
    kind: draft.kind,
    locales: locales.length ? locales : newFormLocales,
    title: { ...draft.title },
    fields,
    rest: { ...(draft.consent ? { consent: draft.consent } : {}), ...(draft.description ? { description: draft.description } : {}) },
  };
}

/** A key for a new field: from its type, unique in the form, a valid JSON property name. */
export function newFieldKey(form: DesignerForm, type: FieldType): string {
  let n = 1;
  while (form.fields.some((f) => f.key === `${type}${n}`)) n += 1;
  return `${type}${n}`;
}

export function newField(form: DesignerForm, type: FieldType, defaultLabels: Partial<Record<Locale, string>>): DesignerField {
  const choice = type === 'singleChoice' || type === 'multipleChoice';
  return {
    key: newFieldKey(form, type),
    type,
    required: false,
    options: choice ? ['option1', 'option2'] : [],
    texts: Object.fromEntries(form.locales.map((l) => [l, { label: defaultLabels[l] ?? '', help: '', options: choice ? ['1', '2'] : [] }])),
  };
}

/** Moves a field from one position to another (drag and drop, or the move up/down buttons). */
export function moveField(form: DesignerForm, from: number, to: number): DesignerForm {
  if (to < 0 || to >= form.fields.length || from === to) return form;
  const fields = [...form.fields];
  const [moved] = fields.splice(from, 1);
  fields.splice(to, 0, moved!);
  return { ...form, fields };
}

export interface FieldChange {
  key: string;
  change: 'added' | 'removed' | 'changed';
  details: string[];
}

/** What changed between two versions, field by field, in words an administrator reads. */
export function diffForms(before: DesignerForm, after: DesignerForm): FieldChange[] {
  const changes: FieldChange[] = [];
  const old = new Map(before.fields.map((f) => [f.key, f]));
  const now = new Map(after.fields.map((f) => [f.key, f]));
  for (const field of after.fields) {
    const prev = old.get(field.key);
    if (!prev) {
      changes.push({ key: field.key, change: 'added', details: [`type ${field.type}`] });
      continue;
    }
    const details: string[] = [];
    if (prev.type !== field.type) details.push(`type ${prev.type} → ${field.type}`);
    if (prev.required !== field.required) details.push(field.required ? 'now required' : 'no longer required');
    if (JSON.stringify(prev.options) !== JSON.stringify(field.options)) details.push(`options ${prev.options.join(', ')} → ${field.options.join(', ')}`);
    if (JSON.stringify(prev.showWhen) !== JSON.stringify(field.showWhen)) details.push(field.showWhen ? `shown when ${field.showWhen.field} = ${String(field.showWhen.equals)}` : 'always shown');
    for (const l of LOCALES) {
      const a = prev.texts[l];
      const b = field.texts[l];
      if ((a?.label ?? '') !== (b?.label ?? '')) details.push(`${l} label "${a?.label ?? ''}" → "${b?.label ?? ''}"`);
      if ((a?.help ?? '') !== (b?.help ?? '')) details.push(`${l} help changed`);
      if (JSON.stringify(a?.options ?? []) !== JSON.stringify(b?.options ?? [])) details.push(`${l} option labels changed`);
    }
    const beforeIndex = before.fields.findIndex((f) => f.key === field.key);
    const afterIndex = after.fields.findIndex((f) => f.key === field.key);
    if (beforeIndex !== afterIndex) details.push(`moved from position ${beforeIndex + 1} to ${afterIndex + 1}`);
    if (details.length) changes.push({ key: field.key, change: 'changed', details });
  }
  for (const field of before.fields) if (!now.has(field.key)) changes.push({ key: field.key, change: 'removed', details: [] });
  return changes;
}
