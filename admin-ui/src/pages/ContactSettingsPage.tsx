import { useMutation } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactInfo } from '../../../schemas/types/api-contact-info';
import { apiSend } from '../../../forms/ui/api';
import { problemText, ProblemError } from '../../../forms/ui/problem';
import { useSite } from '../../../forms/ui/site';
import { AccessibilityStatementSettings } from './AccessibilityStatementSettings';

const FIELDS = [
  { name: 'email', type: 'email', required: true, max: 254 },
  { name: 'phone', type: 'tel', required: true, max: 20 },
  { name: 'address', type: 'text', required: true, max: 300 },
  { name: 'openingHours', type: 'text', required: false, max: 300 },
] as const;

export function ContactSettingsPage() {
  const { t } = useTranslation();
  const { tenant } = useSite();
  // The site info (loaded once at start) holds the contact details the form starts from: it takes the saved ones.
  const save = useMutation({
    mutationFn: (body: Record<string, string>) => apiSend<ContactInfo>('PUT', '/api/settings/contact', body),
    onSuccess: (saved) => Object.assign(tenant.contact, saved),
  });
  const errors = save.error instanceof ProblemError ? save.error.fieldErrors() : {};

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: Record<string, string> = {};
    for (const f of FIELDS) {
      const v = String(form.get(f.name) ?? '').trim();
      if (v || f.required) body[f.name] = v;
    }
    save.mutate(body);
  };

  const errorList = Object.entries(errors);
  return (
    <section>
      <h1>{t('contact.heading')}</h1>
      <p>{t('contact.intro')}</p>
      <div role="status" aria-live="polite">
        {save.isSuccess ? <p className="notice notice-ok">{t('contact.saved')}</p> : null}
      </div>
      {save.isError ? (
        <div className="notice notice-error" role="alert">
          {/* A refusal that names no field (an ended session, say) is said as what it is. */}
          <p>{errorList.length > 0 ? t('contact.failed') : problemText(t, save.error)}</p>
          {errorList.length > 0 ? (
            <ul>
              {errorList.map(([field, message]) => (
                <li key={field}>
                  <a href={`#contact-${field}`}>
                    {t(`contact.field.${field}`, { defaultValue: field })}: {message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        {FIELDS.map((f) => {
          const id = `contact-${f.name}`;
          const err = errors[f.name];
          return (
            <div className="field" key={f.name}>
              <label htmlFor={id}>
                {t(`contact.field.${f.name}`)}
                {f.required ? <span className="required"> ({t('required')})</span> : null}
              </label>
              <input
                id={id}
                name={f.name}
                type={f.type}
                maxLength={f.max}
                required={f.required}
                defaultValue={tenant.contact[f.name] ?? ''}
                aria-invalid={err ? true : undefined}
                aria-describedby={err ? `${id}-error` : undefined}
              />
              {err ? (
                <p id={`${id}-error`} className="field-error">
                  {err}
                </p>
              ) : null}
            </div>
          );
        })}
        <button type="submit" disabled={save.isPending}>
          {t('contact.save')}
        </button>
      </form>
      <AccessibilityStatementSettings />
    </section>
  );
}
