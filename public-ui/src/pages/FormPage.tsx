// A published form for citizens: /forms/<id> shows its newest version in the visitor's language; the answers
// go to the version shown, and the receipt names what was received.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { apiSend } from '../../../forms/ui/api';
import { isProblem } from '../../../forms/ui/problem';
import { FormRenderer } from '../../../forms/ui/renderer/FormRenderer';
import { prefillAnswers } from '../../../forms/ui/renderer/prefill';
import { formLocale, type FormLocale } from '../../../forms/ui/renderer/localize-definition';
import { useSite } from '../../../forms/ui/site';
import { meKeys, publishedFormQuery, type PublishedForm } from '../api/queries';
import { ProblemAlert, QueryState } from '../components/QueryState';
import { FormReceipt, type Receipt } from './FormReceipt';

export function FormPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const form = useQuery(publishedFormQuery(id));
  const missing = (
    <>
      <h1>{t('notFound.heading')}</h1>
      <p>{t('form.missing')}</p>
    </>
  );
  return (
    <QueryState query={form} notFound={missing}>
      {(published) => <PublishedFormView key={`${published.id}@${published.version}`} form={published} />}
    </QueryState>
  );
}

function PublishedFormView({ form }: { form: PublishedForm }) {
  const { t, i18n } = useTranslation();
  const { tenant, actor } = useSite();
  const queryClient = useQueryClient();
  const [receipt, setReceipt] = useState<Receipt | undefined>();
  // The name the e-ID told us starts in the form's name field (prefill.ts), editable like any answer.
  const [initialAnswers] = useState(() => prefillAnswers(form.definition, actor.kind === 'user' ? actor : undefined));
  const submit = useMutation({
    mutationFn: (answers: Record<string, unknown>) => apiSend<{ id: string; reference: string }>('POST', `/api/forms/${form.id}/versions/${form.version}/submissions`, answers),
    // "What you have sent" (and, for a consent statement, the consents) on the profile have changed.
    onSuccess: ({ id, reference }) => {
      setReceipt({ id, reference });
      return queryClient.invalidateQueries({ queryKey: meKeys.all });
    },
  });

  if (receipt) return <FormReceipt receipt={receipt} />;
  const locale = formLocale(form.definition, i18n.language as FormLocale, tenant.defaultLocale as FormLocale);
  // A refusal that names fields is shown at the fields by the renderer; any other is said above the form.
  const refusal = submit.isError && !(isProblem(submit.error, 'validation_failed') && submit.error.problem.errors?.length) ? submit.error : undefined;
  return (
    <div lang={locale === i18n.language ? undefined : locale}>
      {refusal ? <ProblemAlert error={refusal} /> : null}
      <FormRenderer
        definition={form.definition}
        locale={locale}
        validatorUrl={`/api/forms/${form.id}/versions/${form.version}/validator.js`}
        initialAnswers={initialAnswers}
        texts={{
          loading: t('form.loading'),
          unavailable: t('form.unavailable'),
          required: t('form.required'),
          errorSummary: t('form.errorSummary'),
          submit: t('form.submit'),
          yes: t('form.yes'),
          no: t('form.no'),
        }}
        onSubmit={async (answers) => {
          if (form.id === 'showcase') return void setReceipt({ reference: 'showcase' }); // the test page stores nothing
          try {
            await submit.mutateAsync(answers);
            return undefined;
          } catch (err) {
            return isProblem(err, 'validation_failed') ? err.problem.errors : undefined;
          }
        }}
      />
    </div>
  );
}
