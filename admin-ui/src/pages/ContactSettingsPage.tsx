import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactInfo } from '../../../schemas/types/api-contact-info';
import { ProblemError, sendJson } from '../../../forms/ui/problem';
import { useSite } from '../../../forms/ui/site';

const FIELDS = [
  { name: 'email', type: 'email', required: true, max: 254 },
  { name: 'phone', type: 'tel', required: true, max: 20 },
  { name: 'address', type: 'text', required: true, max: 300 },
  { name: 'openingHours', type: 'text', required: false, max: 300 },
] as const;

export function ContactSettingsPage() {
  const { t } = useTranslation();
  const { tenant } = useSite();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: Record<string, string> = {};
    for (const f of FIELDS) {
      const v = String(form.get(f.name) ?? '').trim();
      if (v || f.required) body[f.name] = v;
    }
    setStatus('saving');
    try {
      const saved = await sendJson<ContactInfo>('PUT', '/api/settings/contact', body);
      Object.assign(tenant.contact, saved);
      setErrors({});
      setStatus('saved');
    } catch (err) {
      setErrors(err instanceof ProblemError ? err.fieldErrors() : {});
      setStatus('failed');
    }
  };

  const errorList = Object.entries(errors);
  return (
    <section>
      <h1>{t('contact.heading')}</h1>
      <p>{t('contact.intro')}</p>
      <div role="status" aria-live="polite">
        {status === 'saved' ? <p className="notice notice-ok">{t('contact.saved')}</p> : null}
      </div>
      {status === 'failed' ? (
        <div className="notice notice-error" role="alert">
          <p>{t('contact.failed')}</p>
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
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
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
        <button type="submit" disabled={status === 'saving'}>
          {t('contact.save')}
        </button>
      </form>
    </section>
  );
}
