// Renders a published form in the site's language and hands the answers to `onSubmit`. The browser checks
// first (the same Ajv setup as the server); the server's field errors, if any, are shown the same way.
// On a failed submit the error summary gets focus, and each entry links to its field.
import Form from '@rjsf/core';
import Markdown from 'react-markdown';
import { englishStringTranslator, TranslatableString, type ErrorSchema, type RJSFValidationError, type ValidatorType } from '@rjsf/utils';
import { useEffect, useMemo, useState } from 'react';
import type { FormDefinitionDraft } from '../../../schemas/types/forms-form-definition-draft';
import type { FieldError } from '../../validation';
import { localizeDefinition, type FormLocale } from './localize-definition';
import { IdPrefixContext, RendererTextsContext, templates, type RendererTexts } from './theme';
import { loadFormValidator } from './validator';
import { widgets } from './widgets';

export interface FormRendererProps {
  definition: FormDefinitionDraft;
  locale: FormLocale;
  texts: RendererTexts & { loading: string; unavailable: string };
  /** Where the precompiled validator of this definition is served (…/validator.js); `locale` is appended. */
  validatorUrl: string;
  /** Returns the server's field errors (JSON pointers) when it refused the answers. */
  onSubmit?: (answers: Record<string, unknown>) => Promise<FieldError[] | void>;
  /** The designer's preview: no submit button. */
  preview?: boolean;
  headingLevel?: 1 | 2;
  /** Ids of this form's fields start with it; give each form on a page its own. */
  idPrefix?: string;
  /** Answers the form starts with (what the e-ID already told: prefill.ts); still editable. */
  initialAnswers?: Record<string, unknown>;
}

/** `/party` → { party: { __errors: [message] } } */
function toErrorSchema(errors: FieldError[]): ErrorSchema {
  const out: Record<string, unknown> = {};
  for (const { field, message } of errors) {
    const parts = field.split('/').filter(Boolean);
    let node = out;
    for (const part of parts) node = (node[part] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(message);
  }
  return out as ErrorSchema;
}

const focusSummary = (idPrefix: string) => setTimeout(() => document.getElementById(`${idPrefix}-error-summary`)?.focus(), 0);

export function FormRenderer({ definition, locale, texts, validatorUrl, onSubmit, preview, headingLevel = 1, idPrefix = 'root', initialAnswers }: FormRendererProps) {
  const { schema, uiSchema, title, description } = useMemo(() => localizeDefinition(definition, locale), [definition, locale]);
  // The validator belongs to one schema: until the one for the current schema has loaded, no form is shown
  // (RJSF refuses a precompiled validator paired with another schema).
  const consentText = definition.consent?.text?.[locale];
  const [loaded, setLoaded] = useState<{ schema: object; validator?: ValidatorType; failed?: boolean } | undefined>();
  useEffect(() => {
    let live = true;
    const url = `${validatorUrl}${validatorUrl.includes('?') ? '&' : '?'}locale=${locale}`;
    loadFormValidator(url, schema, locale).then(
      (validator) => live && setLoaded({ schema, validator }),
      () => live && setLoaded({ schema, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [validatorUrl, schema, locale]);
  const validator = loaded?.schema === schema ? loaded.validator : undefined;
  const failed = loaded?.schema === schema && loaded.failed;
  const [formData, setFormData] = useState<Record<string, unknown>>(() => initialAnswers ?? {});
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <IdPrefixContext.Provider value={idPrefix}>
      <RendererTextsContext.Provider value={texts}>
        <Heading>{title}</Heading>
        {description ? <p className="font-lead">{description}</p> : null}
      {/* A consent statement's text, as the administrator wrote it (markdown; raw HTML is not rendered). */}
      {consentText ? (
        <div className="consent-text">
          <Markdown>{consentText}</Markdown>
        </div>
      ) : null}
        {!validator && !failed ? <p>{texts.loading}</p> : null}
        {failed ? <p role="alert">{texts.unavailable}</p> : null}
        {validator ? (
          <Form
            schema={schema}
            uiSchema={{
              ...uiSchema,
              'ui:submitButtonOptions': { norender: Boolean(preview) },
            }}
            validator={validator}
            idPrefix={idPrefix}
            templates={templates}
            widgets={widgets}
            formContext={{ requiredText: texts.required }}
            translateString={(key, params) =>
              key === TranslatableString.YesLabel ? texts.yes : key === TranslatableString.NoLabel ? texts.no : englishStringTranslator(key, params)
            }
            formData={formData}
            onChange={(e) => setFormData(e.formData as Record<string, unknown>)}
            showErrorList="top"
            noHtml5Validate
            {...(extraErrors ? { extraErrors } : {})}
            onError={(_errors: RJSFValidationError[]) => focusSummary(idPrefix)}
            onSubmit={async (e) => {
              if (!onSubmit) return;
              const problems = await onSubmit(e.formData as Record<string, unknown>);
              setExtraErrors(problems && problems.length ? toErrorSchema(problems) : undefined);
              if (problems && problems.length) focusSummary(idPrefix);
            }}
          />
        ) : null}
      </RendererTextsContext.Provider>
    </IdPrefixContext.Provider>
  );
}
