// A form's answers for administrators: filtered by version, paged, each shown against the fields of the form;
// the CSV export streams every answer (and is audited on the server).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { getJson } from '../../../../forms/ui/problem';

interface Page {
  total: number;
  page: number;
  pageSize: number;
  submissions: { id: string; version: number; submittedAt: string; answers: Record<string, unknown> | null; erasedAt: string | null }[];
}

interface FormInfo {
  name: string;
  versions: { version: number }[];
}

const show = (v: unknown) => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function SubmissionsPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const version = params.get('version') ?? '';
  const page = Number(params.get('page') ?? '1');
  const [form, setForm] = useState<FormInfo | undefined>();
  const [data, setData] = useState<Page | undefined>();

  useEffect(() => {
    void getJson<FormInfo>(`/api/forms/${encodeURIComponent(id)}`).then(setForm);
  }, [id]);
  useEffect(() => {
    const q = new URLSearchParams({ page: String(page), pageSize: '25', ...(version ? { version } : {}) });
    void getJson<Page>(`/api/forms/${encodeURIComponent(id)}/submissions?${q}`).then(setData);
  }, [id, version, page]);

  const keys = [...new Set((data?.submissions ?? []).flatMap((s) => Object.keys(s.answers ?? {})))];
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section>
      <h1>{t('submissions.heading', { name: form?.name ?? '' })}</h1>
      <p>
        <Link to={`/forms/${id}`}>{t('submissions.back')}</Link>
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor="submissions-version">{t('submissions.version')}</label>
          <select id="submissions-version" value={version} onChange={(e) => setParams(e.target.value ? { version: e.target.value } : {})}>
            <option value="">{t('submissions.allVersions')}</option>
            {(form?.versions ?? []).map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
              </option>
            ))}
          </select>
        </div>
        <a className="button-link" href={`/api/forms/${encodeURIComponent(id)}/submissions.csv${version ? `?version=${version}` : ''}`} download>
          {t('submissions.export')}
        </a>
      </div>
      {!data ? (
        <p>{t('forms.loading')}</p>
      ) : (
        <>
          <p>{t('submissions.count', { count: data.total })}</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('submissions.heading', { name: form?.name ?? '' })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('submissions.submittedAt')}</th>
                  <th scope="col">{t('submissions.version')}</th>
                  {keys.map((k) => (
                    <th scope="col" key={k}>
                      {k}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.submissions.map((s) => (
                  <tr key={s.id}>
                    <td>{new Date(s.submittedAt).toLocaleString(i18n.language)}</td>
                    <td>{s.version}</td>
                    {s.answers ? (
                      keys.map((k) => <td key={k}>{show(s.answers![k])}</td>)
                    ) : (
                      <td colSpan={Math.max(1, keys.length)} className="erased">
                        {t('submissions.erased', { date: new Date(s.erasedAt ?? s.submittedAt).toLocaleDateString(i18n.language) })}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('submissions.pages')}>
            <button type="button" disabled={page <= 1} onClick={() => setParams({ ...(version ? { version } : {}), page: String(page - 1) })}>
              {t('submissions.previous')}
            </button>
            <span>{t('submissions.pageOf', { page, pages })}</span>
            <button type="button" disabled={page >= pages} onClick={() => setParams({ ...(version ? { version } : {}), page: String(page + 1) })}>
              {t('submissions.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
