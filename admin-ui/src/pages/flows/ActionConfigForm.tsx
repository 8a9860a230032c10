// One action's config, edited through a form RJSF generates from the action's config schema (the registry's,
// served self-contained by /api/flows/editor-schemas). Its validator is precompiled on the server: the admin
// site's CSP forbids the eval Ajv would need in the page.
import { useEffect, useState } from 'react';
import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema, ValidatorType, WidgetProps } from '@rjsf/utils';
import { loadFormValidator } from '../../../../forms/ui/renderer/validator';

export interface Choice {
  value: string;
  label: string;
}

/**
 * A field that names one of the flow's own things (a status, a deadline) as a list of their labels, not a key to
 * type: the schema keeps the key's pattern (and the server's validator), the widget only offers what exists.
 */
function ChoiceWidget({ id, value, required, disabled, readonly, options, onChange, onBlur, onFocus }: WidgetProps) {
  const choices = (options.choices as Choice[] | undefined) ?? [];
  const known = choices.some((c) => c.value === value);
  return (
    <select
      id={id}
      value={typeof value === 'string' ? value : ''}
      required={required}
      disabled={disabled || readonly}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    >
      {!value ? <option value="" /> : null}
      {value && !known ? <option value={String(value)}>{String(value)}</option> : null}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

export function ActionConfigForm(props: {
  action: string;
  schema: RJSFSchema;
  config: Record<string, unknown>;
  idPrefix: string;
  locale: 'da' | 'sv' | 'en';
  /** Fields (by property name) that pick one of the flow's things, with what may be picked. */
  choices?: Record<string, Choice[]>;
  onChange: (config: Record<string, unknown>) => void;
}) {
  const { action, schema, locale } = props;
  const [validator, setValidator] = useState<ValidatorType | undefined>();
  useEffect(() => {
    let live = true;
    loadFormValidator(`/api/flows/editor-schemas/${encodeURIComponent(action)}/validator.js`, schema, locale).then((v) => live && setValidator(v), () => undefined);
    return () => {
      live = false;
    };
  }, [action, schema, locale]);
  if (!validator) return <p>…</p>;
  return (
    <Form
      schema={schema}
      formData={props.config}
      validator={validator}
      idPrefix={props.idPrefix}
      liveValidate
      showErrorList={false}
      widgets={{ choice: ChoiceWidget }}
      uiSchema={uiSchemaOf(props.schema, props.choices)}
      onChange={(e) => props.onChange((e.formData ?? {}) as Record<string, unknown>)}
    />
  );
}

function uiSchemaOf(schema: RJSFSchema, choices: Record<string, Choice[]> = {}): UiSchema {
  const ui: UiSchema = { 'ui:submitButtonOptions': { norender: true }, 'ui:title': '', 'ui:description': '' };
  for (const [field, list] of Object.entries(choices)) if (schema.properties && field in schema.properties) ui[field] = { 'ui:widget': 'choice', 'ui:options': { choices: list } };
  return ui;
}
