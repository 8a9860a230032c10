// Turns a stored form definition (schema + UI schema + texts per language) into what RJSF renders for one
// language: titles, help texts and option labels put in place, widgets chosen by field type. Pure, shared
// by the public renderer and the designer's live preview.
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FormDefinitionDraft } from '../../../schemas/types/forms-form-definition-draft';

export type FormLocale = 'da' | 'sv' | 'en';

type FieldSchema = RJSFSchema & { properties?: Record<string, FieldSchema>; items?: FieldSchema; allOf?: FieldSchema[]; then?: FieldSchema; else?: FieldSchema };

/** The language to show: the one asked for if the form has it, else the site's default, else any. */
export function formLocale(definition: FormDefinitionDraft, wanted: FormLocale, fallback: FormLocale): FormLocale {
  const offered = Object.keys(definition.translations ?? {}) as FormLocale[];
  if (offered.includes(wanted)) return wanted;
  if (offered.includes(fallback)) return fallback;
  return offered[0] ?? wanted;
}

function widgetFor(field: FieldSchema): string | undefined {
  if (field.type === 'boolean') return field.const === true ? 'checkbox' : 'radio';
  if (field.type === 'string' && Array.isArray(field.enum)) return field.enum.length > 6 ? 'select' : 'radio';
  if (field.type === 'array' && Array.isArray(field.items?.enum)) return 'checkboxes';
  if (field.type === 'string' && !field.format && (field.maxLength ?? 0) > 300) return 'textarea';
  return undefined;
}

const INPUT_TYPES: Record<string, string> = { email: 'email', date: 'date', 'dk-phone': 'tel', 'se-phone': 'tel' };

export function localizeDefinition(definition: FormDefinitionDraft, locale: FormLocale): { schema: RJSFSchema; uiSchema: UiSchema; title: string; description?: string } {
  const texts = definition.translations?.[locale] ?? {};
  const baseUi = (definition.uiSchema ?? {}) as UiSchema;

  function walk(schema: FieldSchema, ui: UiSchema, prefix: string): { schema: FieldSchema; ui: UiSchema } {
    const properties: Record<string, FieldSchema> = {};
    const outUi: UiSchema = { ...ui };
    for (const [name, field] of Object.entries((schema.properties ?? {}) as Record<string, FieldSchema>)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const text = texts[path] ?? {};
      const fieldUi: UiSchema = { ...((ui[name] as UiSchema | undefined) ?? {}) };
      let localized: FieldSchema = { ...field, title: text.label ?? name };
      delete localized.description;
      if (text.help) fieldUi['ui:help'] = text.help;
      const widget = fieldUi['ui:widget'] ?? widgetFor(field);
      if (widget) fieldUi['ui:widget'] = widget;
      const inputType = INPUT_TYPES[String(field.format)];
      if (inputType) fieldUi['ui:options'] = { ...((fieldUi['ui:options'] as object | undefined) ?? {}), inputType };
      if (text.options && Array.isArray(field.enum)) fieldUi['ui:enumNames'] = text.options;
      if (text.options && field.type === 'array' && Array.isArray(field.items?.enum)) fieldUi.items = { ...((fieldUi.items as object | undefined) ?? {}), 'ui:enumNames': text.options };
      if (field.type === 'object') {
        const nested = walk(field, fieldUi, path);
        localized = { ...localized, ...nested.schema, title: text.label ?? name };
        Object.assign(fieldUi, nested.ui);
      }
      properties[name] = localized;
      outUi[name] = fieldUi;
    }
    // Fields shown under a condition (allOf: [{ if, then, else }]) get their texts and widgets the same way.
    const allOf = (schema.allOf as FieldSchema[] | undefined)?.map((condition) => {
      const branch = (b: FieldSchema | undefined) => {
        if (!b || typeof b !== 'object') return b;
        const walked = walk(b, outUi, prefix);
        Object.assign(outUi, walked.ui);
        return walked.schema;
      };
      return { ...condition, ...(condition.then ? { then: branch(condition.then) } : {}), ...(condition.else ? { else: branch(condition.else) } : {}) };
    });
    return { schema: { ...schema, properties, ...(allOf ? { allOf } : {}) }, ui: outUi };
  }

  const { schema, ui } = walk((definition.schema ?? { type: 'object', properties: {} }) as FieldSchema, baseUi, '');
  // Conditions (allOf/if/then) may repeat fields: their titles come from the same texts.
  return {
    schema: { ...schema, title: undefined } as RJSFSchema,
    uiSchema: ui,
    title: definition.title?.[locale] ?? '',
    ...(definition.description?.[locale] ? { description: definition.description[locale] } : {}),
  };
}
