// The petition form in the platform's renderer (forms/ui/renderer), shared by the proposal page and the edit
// page of a returned proposal: the form in the visitor's language if it has it, the browser's check first with
// the version's precompiled validator, the server's field errors at their fields, and any other refusal said
// above the form in words (too many proposals: how long to wait).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormVersion } from '../../../../schemas/types/api-form-version';
import type { FieldError } from '../../../../forms/validation';
import { isProblem } from '../../../../forms/ui/problem';
import { FormRenderer } from '../../../../forms/ui/renderer/FormRenderer';
import { formLocale, type FormLocale } from '../../../../forms/ui/renderer/localize-definition';
import { useSite } from '../../../../forms/ui/site';
import { ProblemAlert } from '../../components/QueryState';
import { RateLimitedError, fieldCode, fieldParams } from './send';
import { waitText } from './texts';

export interface PetitionFormProps {
  form: FormVersion;
  submitText: string;
  /** Shown under the form's title when the form has no description of its own. */
  intro?: string;
  headingLevel?: 1 | 2;
  initialAnswers?: Record<string, unknown>;
  /** The last refusal, shown above the form unless it names fields (those are shown at the fields). */
  error: unknown;
  onSubmit: (answers: Record<string, unknown>) => Promise<unknown>;
}

/** A refusal of a proposal in words, when it is one the module explains; else undefined. */
function refusalText(t: ReturnType<typeof useTranslation>['t'], error: unknown): string | undefined {
  if (error instanceof RateLimitedError) return t('propose.rateLimited', { wait: waitText(t, error.seconds) });
  if (fieldCode(error) === 'petition.tooManyProposals') return t('propose.tooManyProposals', { limit: fieldParams(error).limit });
  if (fieldCode(error) === 'petition.tokenExpired') return t('edit.expired');
  return undefined;
}

export function PetitionForm({ form, submitText, intro, headingLevel = 1, initialAnswers, error, onSubmit }: PetitionFormProps) {
  const { t } = useTranslation('petitions');
  const { t: tApp, i18n } = useTranslation();
  const { tenant } = useSite();
  const locale = formLocale(form.definition, i18n.language as FormLocale, tenant.defaultLocale as FormLocale);
  // One definition object per form and language: the renderer pairs its validator with the schema it derives.
  const definition = useMemo(
    () => (intro && !form.definition.description?.[locale] ? { ...form.definition, description: { ...form.definition.description, [locale]: intro } } : form.definition),
    [form.definition, intro, locale],
  );
  const namesFields = isProblem(error, 'validation_failed') && Boolean(error.problem.errors?.length);
  const said = error && !namesFields ? refusalText(t, error) : undefined;
  return (
    <div lang={locale === i18n.language ? undefined : locale}>
      {error && !namesFields ? (
        said ? (
          <div className="alert alert-error" role="alert">
            <div className="alert-body">
              <p className="alert-text">{said}</p>
            </div>
          </div>
        ) : (
          <ProblemAlert error={error} />
        )
      ) : null}
      <FormRenderer
        definition={definition}
        locale={locale}
        headingLevel={headingLevel}
        validatorUrl={`/api/forms/${encodeURIComponent(form.id)}/versions/${form.version}/validator.js`}
        {...(initialAnswers ? { initialAnswers } : {})}
        texts={{
          loading: tApp('form.loading'),
          unavailable: tApp('form.unavailable'),
          required: tApp('form.required'),
          errorSummary: tApp('form.errorSummary'),
          submit: submitText,
          yes: tApp('form.yes'),
          no: tApp('form.no'),
        }}
        onSubmit={async (answers) => {
          try {
            await onSubmit(answers);
            return undefined;
          } catch (err) {
            return isProblem(err, 'validation_failed') ? (err.problem.errors as FieldError[] | undefined) : undefined;
          }
        }}
      />
    </div>
  );
}
