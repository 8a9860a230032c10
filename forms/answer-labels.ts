// Answers as a person reads them: each field's label and each chosen option's label in one language, taken from
// the form version's own texts (translations[locale][path]). Shared by the admin answers table, the caseworker's
// view of an application and the CSV export, so all three say the same. Keys stay the fallback when a text is
// missing (a draft published before it had every label, or a field of an older version).
import type { FormDefinitionDraft } from '../schemas/types/forms-form-definition-draft';

export type AnswerLocale = 'da' | 'sv' | 'en';

interface FieldSchema {
  type?: string;
  enum?: unknown[];
  items?: FieldSchema;
  properties?: Record<string, FieldSchema>;
  allOf?: { then?: FieldSchema; else?: FieldSchema }[];
}

export interface AnswerField {
  key: string;
  label: string;
}

/** Words for yes and no in the reader's language (booleans: consents, checkboxes). */
export const YES_NO: Record<AnswerLocale, [string, string]> = { da: ['Ja', 'Nej'], sv: ['Ja', 'Nej'], en: ['Yes', 'No'] };

function topLevelFields(schema: FieldSchema): [string, FieldSchema][] {
  const own = Object.entries(schema.properties ?? {});
  const conditional = (schema.allOf ?? []).flatMap((c) => [...Object.entries(c.then?.properties ?? {}), ...Object.entries(c.else?.properties ?? {})]);
  return [...own, ...conditional];
}

/** The texts of one language, falling back to another the form offers (never to nothing but the key). */
function textsOf(definition: FormDefinitionDraft, locale: AnswerLocale) {
  const all = definition.translations ?? {};
  const offered = Object.keys(all) as AnswerLocale[];
  const chosen = all[locale] ? locale : offered[0];
  return { texts: chosen ? (all[chosen] ?? {}) : {}, fallback: offered.map((l) => all[l] ?? {}) };
}

export function answerLabeller(definition: FormDefinitionDraft, locale: AnswerLocale) {
  const { texts, fallback } = textsOf(definition, locale);
  const schemaFields = new Map(topLevelFields((definition.schema ?? {}) as FieldSchema));
  const order = ((definition.uiSchema ?? {}) as { 'ui:order'?: string[] })['ui:order'] ?? [];
  const keys = [...order.filter((k) => schemaFields.has(k)), ...[...schemaFields.keys()].filter((k) => !order.includes(k))];
  const labelOf = (key: string) => texts[key]?.label || fallback.map((t) => t[key]?.label).find(Boolean) || key;
  const [yes, no] = YES_NO[locale];

  function optionLabel(key: string, value: unknown): string {
    const field = schemaFields.get(key);
    const values = field?.enum ?? field?.items?.enum;
    const i = values ? values.indexOf(value) : -1;
    const label = i >= 0 ? (texts[key]?.options?.[i] ?? fallback.map((t) => t[key]?.options?.[i]).find(Boolean)) : undefined;
    return label || String(value);
  }

  function valueText(key: string, value: unknown): string {
    if (value === undefined || value === null) return '';
    if (typeof value === 'boolean') return value ? yes : no;
    if (Array.isArray(value)) return value.map((v) => optionLabel(key, v)).join(', ');
    if (typeof value === 'object') {
      // A group of fields (an address): its parts by their own labels, "Label: value" each.
      return Object.entries(value as Record<string, unknown>)
        .map(([part, v]) => `${texts[`${key}.${part}`]?.label ?? part}: ${valueText(`${key}.${part}`, v)}`)
        .join('; ');
    }
    return optionLabel(key, value);
  }

  return {
    /** The form's fields in its own order, each with its label. */
    fields: keys.map((key): AnswerField => ({ key, label: labelOf(key) })),
    label: labelOf,
    value: valueText,
  };
}

/** Columns for answers given to several versions: the newest version's fields first, then older ones' leftovers. */
export function answerColumns(definitionsNewestFirst: FormDefinitionDraft[], locale: AnswerLocale): AnswerField[] {
  const seen = new Map<string, AnswerField>();
  for (const d of definitionsNewestFirst) for (const f of answerLabeller(d, locale).fields) if (!seen.has(f.key)) seen.set(f.key, f);
  return [...seen.values()];
}
