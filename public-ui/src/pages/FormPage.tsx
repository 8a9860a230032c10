// A published form for citizens: /forms/<id> shows its newest version in the visitor's language; the answers
// go to the version shown, and the receipt names what was received.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { FormDefinitionDraft } from '../../../schemas/types/forms-form-definition-draft';
import { getJson, ProblemError, sendJson } from '../../../forms/ui/problem';
import { FormRenderer } from '../../../forms/ui/renderer/FormRenderer';
import { formLocale, type FormLocale } from '../../../forms/ui/renderer/localize-definition';
import { useSite } from '../../../forms/ui/site';

interface PublishedForm {
  id: string;
  version: number;
  definition: FormDefinitionDraft;
}

export function FormPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { tenant } = useSite();
  const [form, setForm] = useState<PublishedForm | 'missing' | undefined>();
  const [receipt, setReceipt] = useState<string | undefined>();

  useEffect(() => {
    getJson<PublishedForm>(`/api/forms/${encodeURIComponent(id)}/versions/latest`).then(setForm, () => setForm('missing'));
  }, [id]);

  if (form === undefined) return <p>{t('form.loading')}</p>;
  if (form === 'missing') {
    return (
      <>
        <h1>{t('notFound.heading')}</h1>
        <p>{t('form.missing')}</p>
      </>
    );
  }
  if (receipt) {
    return (
      <div className="alert alert-success" role="status">
        <div className="alert-body">
          <h1 className="alert-heading">{t('form.received.heading')}</h1>
          <p className="alert-text">{t('form.received.text', { reference: receipt })}</p>
        </div>
      </div>
    );
  }
  const locale = formLocale(form.definition, i18n.language as FormLocale, tenant.defaultLocale as FormLocale);
  return (
    <div lang={locale === i18n.language ? undefined : locale}>
      <FormRenderer
        definition={form.definition}
        locale={locale}
        validatorUrl={`/api/forms/${form.id}/versions/${form.version}/validator.js`}
        texts={{ loading: t('form.loading'), unavailable: t('form.unavailable'), required: t('form.required'), errorSummary: t('form.errorSummary'), submit: t('form.submit'), yes: t('form.yes'), no: t('form.no') }}
        onSubmit={async (answers) => {
          if (form.id === 'showcase') return void setReceipt('showcase'); // the test page stores nothing
          try {
            const { reference } = await sendJson<{ reference: string }>('POST', `/api/forms/${form.id}/versions/${form.version}/submissions`, answers);
            setReceipt(reference);
            return undefined;
          } catch (err) {
            if (err instanceof ProblemError && err.problem.errors) return err.problem.errors;
            throw err;
          }
        }}
      />
    </div>
  );
}
