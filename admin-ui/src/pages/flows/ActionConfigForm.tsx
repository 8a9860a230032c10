// One action's config, edited through a form RJSF generates from the action's config schema (the registry's,
// served self-contained by /api/flows/editor-schemas). Its validator is precompiled on the server: the admin
// site's CSP forbids the eval Ajv would need in the page.
import { useEffect, useState } from 'react';
import Form from '@rjsf/core';
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { loadFormValidator } from '../../../../forms/ui/renderer/validator';

export function ActionConfigForm(props: { action: string; schema: RJSFSchema; config: Record<string, unknown>; idPrefix: string; locale: 'da' | 'sv' | 'en'; onChange: (config: Record<string, unknown>) => void }) {
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
      uiSchema={{ 'ui:submitButtonOptions': { norender: true }, 'ui:title': '', 'ui:description': '' }}
      onChange={(e) => props.onChange((e.formData ?? {}) as Record<string, unknown>)}
    />
  );
}
