// The consents a person has given (which statement, which version, when, what), each withdrawable here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../../forms/ui/api';
import { problemText } from '../../../forms/ui/problem';
import { meKeys, myConsentsQuery } from '../api/queries';
import { QueryState } from '../components/QueryState';

export function MyConsents() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const consents = useQuery(myConsentsQuery());
  const [status, setStatus] = useState('');
  const withdraw = useMutation({
    mutationFn: ({ id }: { id: string; title: string }) => apiSend('POST', `/api/me/consents/${encodeURIComponent(id)}/withdraw`, {}),
    onSuccess: async (_answer, { title }) => {
      setStatus(t('consents.withdrawn', { title }));
      await queryClient.invalidateQueries({ queryKey: meKeys.consents });
    },
    onError: (err) => setStatus(problemText(t, err)),
  });
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <section>
      <h2>{t('consents.heading')}</h2>
      <div role="status" aria-live="polite">
        {status}
      </div>
      <QueryState query={consents}>
        {({ consents: list }) =>
          list.length === 0 ? (
            <p>{t('consents.none')}</p>
          ) : (
            <ul className="nobullet-list consent-list">
              {list.map((c) => {
                const title = c.title[i18n.language] ?? Object.values(c.title)[0] ?? '';
                return (
                  <li key={c.id}>
                    <h3 className="h5">{title}</h3>
                    <p>
                      {t('consents.given', { version: c.version, date: when(c.givenAt) })}
                      {c.withdrawnAt ? ` ${t('consents.withdrawnAt', { date: when(c.withdrawnAt) })}` : ''}
                    </p>
                    {!c.withdrawnAt ? (
                      <button type="button" className="button button-secondary" onClick={() => withdraw.mutate({ id: c.id, title })}>
                        {t('consents.withdraw', { title })}
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
