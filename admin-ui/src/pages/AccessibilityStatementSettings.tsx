// Where the municipality's accessibility statement is, which every public page's footer links: an address
// elsewhere (the Danish state's statement service, say) or its own text per language, shown at /accessibility.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessibilityStatement } from '../../../schemas/types/api-accessibility-statement';
import { apiSend } from '../../../forms/ui/api';
import { LOCALES } from '../../../forms/ui/i18n';
import { problemText } from '../../../forms/ui/problem';
import { useSite } from '../../../forms/ui/site';

export function AccessibilityStatementSettings() {
  const { t } = useTranslation();
  const site = useSite();
  const current = site.tenant.accessibilityStatement;
  const [kind, setKind] = useState<'link' | 'page'>(current && 'text' in current ? 'page' : 'link');
  const save = useMutation({
    mutationFn: (body: AccessibilityStatement) => apiSend<AccessibilityStatement>('PUT', '/api/settings/accessibility-statement', body),
    // The site info (loaded once at start) is what the form starts from: it takes the saved statement.
    onSuccess: (saved) => {
      site.tenant.accessibilityStatement = saved;
    },
  });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    if (kind === 'link') return save.mutate({ url: value('url') });
    // Only the languages written in: the public page falls back to the tenant's language.
    const text = Object.fromEntries(LOCALES.map((l) => [l, value(`text-${l}`)]).filter(([, v]) => v));
    save.mutate({ text });
  };

  return (
    <section aria-labelledby="accessibility-statement">
      <h2 id="accessibility-statement">{t('accessibilityStatement.heading')}</h2>
      <p>{t('accessibilityStatement.intro')}</p>
      <div role="status" aria-live="polite">
        {save.isSuccess ? <p className="notice notice-ok">{t('accessibilityStatement.saved')}</p> : null}
      </div>
      {save.isError ? (
        <div className="notice notice-error" role="alert">
          <p>{problemText(t, save.error)}</p>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="field">
          <legend>{t('accessibilityStatement.where')}</legend>
          {(['link', 'page'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`accessibilityStatement.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'link' ? (
          <div className="field">
            <label htmlFor="accessibility-url">{t('accessibilityStatement.url')}</label>
            <input id="accessibility-url" name="url" type="url" maxLength={500} defaultValue={current && 'url' in current ? current.url : ''} placeholder="https://www.was.digst.dk/…" />
          </div>
        ) : (
          LOCALES.map((l) => (
            <div className="field" key={l}>
              <label htmlFor={`accessibility-text-${l}`}>{t(`accessibilityStatement.textIn.${l}`)}</label>
              <textarea id={`accessibility-text-${l}`} name={`text-${l}`} rows={8} maxLength={20000} defaultValue={current && 'text' in current ? (current.text[l] ?? '') : ''} />
            </div>
          ))
        )}
        <button type="submit" disabled={save.isPending}>
          {t('accessibilityStatement.save')}
        </button>
      </form>
    </section>
  );
}
