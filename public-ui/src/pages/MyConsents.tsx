// The consents a person has given (which statement, which version, when, what), each withdrawable here.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, sendJson } from '../../../forms/ui/problem';

interface Consent {
  id: string;
  version: number;
  title: Record<string, string>;
  consents: Record<string, boolean>;
  givenAt: string;
  withdrawnAt: string | null;
}

export function MyConsents() {
  const { t, i18n } = useTranslation();
  const [consents, setConsents] = useState<Consent[] | undefined>();
  const [status, setStatus] = useState('');
  const load = useCallback(() => getJson<{ consents: Consent[] }>('/api/me/consents').then((r) => setConsents(r.consents), () => setConsents([])), []);
  useEffect(() => {
    void load();
  }, [load]);
  if (!consents) return null;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <section>
      <h2>{t('consents.heading')}</h2>
      <div role="status" aria-live="polite">
        {status}
      </div>
      {consents.length === 0 ? (
        <p>{t('consents.none')}</p>
      ) : (
        <ul className="nobullet-list consent-list">
          {consents.map((c) => {
            const title = c.title[i18n.language] ?? Object.values(c.title)[0] ?? '';
            return (
              <li key={c.id}>
                <h3 className="h5">{title}</h3>
                <p>
                  {t('consents.given', { version: c.version, date: when(c.givenAt) })}
                  {c.withdrawnAt ? ` ${t('consents.withdrawnAt', { date: when(c.withdrawnAt) })}` : ''}
                </p>
                {!c.withdrawnAt ? (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={async () => {
                      await sendJson('POST', `/api/me/consents/${c.id}/withdraw`, {});
                      setStatus(t('consents.withdrawn', { title }));
                      await load();
                    }}
                  >
                    {t('consents.withdraw', { title })}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
