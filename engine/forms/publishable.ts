// What it takes to publish a form definition: the strict schema (schemas/forms/form-definition-publishable),
// plus what JSON Schema cannot say: the form's own schema compiles with the platform's Ajv, every field and
// option has its text in every language the definition offers, and the UI order names only real fields.
// Every problem is reported at once, as a field error with a stable code and params (the pages translate it)
// and an English message (for API users and logs).
import type { FormDefinitionDraft } from '../../schemas/types/forms-form-definition-draft';
import { createFormAjv, fieldError, type CodedFieldError, type FieldError, type ProblemParams } from '../../forms/validation';
import { ValidationError } from '../errors';
import { fieldErrorsOf, schemaProblems } from '../validation';

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; allOf?: { then?: JsonSchema; else?: JsonSchema }[]; items?: JsonSchema; enum?: unknown[]; const?: unknown; format?: string; maxLength?: number; maxItems?: number };

/** Formats whose values have a bounded length by themselves. */
const BOUNDED_FORMATS = new Set(['date', 'email', 'dk-cpr', 'se-personnummer', 'dk-phone', 'se-phone', 'dk-postal-code', 'se-postal-code']);
const MAX_DEPTH = 3;

/** Every code a form's publish check gives besides Ajv's `schema.<keyword>`; each has its text in the admin site's locale files. */
export const FORM_PROBLEM_CODES = [
  'form.schemaInvalid',
  'form.titleMissing',
  'form.textFieldUnbounded',
  'form.listFieldUnbounded',
  'form.fieldTooDeep',
  'form.labelMissing',
  'form.optionLabelsCount',
  'form.orderUnknownField',
  'form.consentTextMissing',
] as const;
type FormProblemCode = (typeof FORM_PROBLEM_CODES)[number];

const problem = (field: string, code: FormProblemCode, params: ProblemParams, message: string): CodedFieldError => fieldError(field, code, params, message);

function boundProblem(field: JsonSchema): { code: FormProblemCode; message: string } | undefined {
  if (field.type === 'string' && field.maxLength === undefined && field.enum === undefined && field.const === undefined && !BOUNDED_FORMATS.has(field.format ?? '')) {
    return { code: 'form.textFieldUnbounded', message: 'a text field needs a maximum length (maxLength), a list of options or a known format' };
  }
  if (field.type === 'array' && (field.maxItems === undefined || !field.items)) return { code: 'form.listFieldUnbounded', message: 'a list field needs items and a maximum number of items (maxItems)' };
  return undefined;
}

/**
 * Every field of a schema with its dotted path (`address.city`): nested objects, array items, and the fields
 * that only appear under a condition (`allOf: [{ if, then: { properties } }]`).
 */
export function fieldsOf(schema: JsonSchema, prefix = ''): { path: string; schema: JsonSchema }[] {
  const own = Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const nested = field.type === 'array' && field.items ? fieldsOf(field.items, path) : fieldsOf(field, path);
    return [{ path, schema: field }, ...nested];
  });
  const conditional = (schema.allOf ?? []).flatMap((c) => [...(c.then ? fieldsOf(c.then, prefix) : []), ...(c.else ? fieldsOf(c.else, prefix) : [])]);
  return [...own, ...conditional];
}

function structuralProblems(draft: FormDefinitionDraft): CodedFieldError[] {
  const problems: CodedFieldError[] = [];
  try {
    createFormAjv().compile(draft.schema ?? {});
  } catch (err) {
    // Ajv's reason stays in the English message only: it is for whoever wrote the schema by hand.
    problems.push(problem('/schema', 'form.schemaInvalid', {}, `is not a valid JSON Schema: ${err instanceof Error ? err.message : String(err)}`));
  }
  const locales = Object.keys(draft.translations ?? {}) as ('da' | 'sv' | 'en')[];
  for (const locale of locales) {
    if (!draft.title?.[locale]) problems.push(problem(`/title/${locale}`, 'form.titleMissing', { locale }, 'the form needs a title in every language it offers'));
  }
  const fields = fieldsOf((draft.schema ?? {}) as JsonSchema);
  for (const { path, schema } of fields) {
    const pointer = `/schema/properties/${path.split('.').join('/properties/')}`;
    const unbounded = boundProblem(schema);
    if (unbounded) problems.push(problem(pointer, unbounded.code, { path }, unbounded.message));
    if (path.split('.').length > MAX_DEPTH) problems.push(problem(pointer, 'form.fieldTooDeep', { path, max: MAX_DEPTH }, `fields may be nested at most ${MAX_DEPTH} levels deep`));
    for (const locale of locales) {
      const texts = draft.translations?.[locale]?.[path];
      if (!texts?.label) problems.push(problem(`/translations/${locale}/${path}/label`, 'form.labelMissing', { path, locale }, `field "${path}" has no label in ${locale}`));
      const options = schema.enum ?? (schema.type === 'array' ? schema.items?.enum : undefined);
      if (options && texts?.options?.length !== options.length) problems.push(problem(`/translations/${locale}/${path}/options`, 'form.optionLabelsCount', { path, locale, count: options.length }, `field "${path}" needs ${options.length} option labels in ${locale}`));
    }
  }
  const known = new Set(fields.filter((f) => !f.path.includes('.')).map((f) => f.path));
  const order = ((draft.uiSchema as Record<string, unknown> | undefined)?.['ui:order'] ?? []) as unknown[];
  order.forEach((name, i) => {
    if (name !== '*' && !known.has(String(name))) problems.push(problem(`/uiSchema/ui:order/${i}`, 'form.orderUnknownField', { name: String(name) }, `names "${String(name)}", which is not a field`));
  });
  if (draft.kind === 'consentStatement') {
    for (const locale of locales) if (!draft.consent?.text?.[locale]) problems.push(problem(`/consent/text/${locale}`, 'form.consentTextMissing', { locale }, 'a consent statement needs its text in every language it offers'));
  }
  return problems;
}

/** Throws a ValidationError naming every problem; returns the definition unchanged when it may be published. */
export function assertPublishable(draft: unknown): FormDefinitionDraft {
  const shape = schemaProblems('forms/form-definition-publishable.schema.json', draft);
  const problems = shape.length ? shape : structuralProblems(draft as FormDefinitionDraft);
  if (problems.length > 0) throw new ValidationError(problems, 'The form cannot be published yet: see the problems for each field.');
  return draft as FormDefinitionDraft;
}

/** The problems assertPublishable would throw, as a list (empty when the draft may be published). */
export function publishProblems(draft: unknown): FieldError[] {
  return fieldErrorsOf(() => assertPublishable(draft));
}
