// What a form can be given before the person types: the name their e-ID already told us. One simple rule, so
// a form designer can rely on it: a top-level text field named `name` or `fullName`, or one whose UI schema
// says `"ui:autocomplete": "name"`, starts with the logged-in person's name. It stays an ordinary, editable
// field (a person may apply on someone's behalf); nothing else is filled.
import type { FormDefinitionDraft } from '../../../schemas/types/forms-form-definition-draft';

const NAME_KEYS = new Set(['name', 'fullName']);

export function prefillAnswers(definition: FormDefinitionDraft, person: { displayName?: string } | undefined): Record<string, unknown> {
  const name = person?.displayName?.trim();
  if (!name) return {};
  const properties = ((definition.schema as { properties?: Record<string, { type?: string; enum?: unknown[]; format?: string }> } | undefined)?.properties ?? {});
  const ui = (definition.uiSchema ?? {}) as Record<string, { 'ui:autocomplete'?: string } | undefined>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(properties)) {
    const isText = field.type === 'string' && !field.enum && !field.format;
    if (isText && (NAME_KEYS.has(key) || ui[key]?.['ui:autocomplete'] === 'name')) out[key] = name;
  }
  return out;
}
