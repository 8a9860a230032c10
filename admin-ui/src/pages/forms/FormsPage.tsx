// The tenant's forms: each with its kind and newest published version; a new form starts from a name and kind.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { getJson, ProblemError, sendJson } from '../../../../forms/ui/problem';

interface FormSummary {
  id: string;
  kind: string;
  name: string;
  latestVersion: number;
  updatedAt: string;
  flowId: string | null;
}

const KINDS = ['signupTemplate', 'consentStatement', 'taskTypeFields', 'petitionForm', 'profile', 'eService'] as const;

export function FormsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [forms, setForms] = useState<FormSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [flows, setFlows] = useState<{ id: string; key: string; latestVersion: number }[]>([]);
  const [attachStatus, setAttachStatus] = useState('');

  useEffect(() => {
    getJson<{ forms: FormSummary[] }>('/api/forms').then((r) => setForms(r.forms), () => setForms([]));
    getJson<{ flows: { id: string; key: string; latestVersion: number }[] }>('/api/flows').then((r) => setFlows(r.flows.filter((f) => f.latestVersion > 0)), () => undefined);
  }, []);

  // Each new submission of the form starts the attached flow's latest version.
  const attach = async (form: FormSummary, flowId: string) => {
    try {
      await sendJson('PUT', `/api/forms/${form.id}/flow`, { flowId: flowId || null });
      setForms((all) => all?.map((f) => (f.id === form.id ? { ...f, flowId: flowId || null } : f)));
      setAttachStatus(t('forms.flowAttached', { name: form.name }));
    } catch (err) {
      setAttachStatus(err instanceof ProblemError ? err.problem.title : String(err));
    }
  };

  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    try {
      const { id } = await sendJson<{ id: string }>('POST', '/api/forms', { name: String(data.get('name') ?? '').trim(), draft: { schemaVersion: 1, kind: String(data.get('kind')) } });
      await navigate(`/forms/${id}`);
    } catch (err) {
      setError(err instanceof ProblemError ? (err.problem.errors ?? []).map((f) => `${f.field}: ${f.message}`).join('; ') || err.problem.title : String(err));
    }
  };

  return (
    <section>
      <h1>{t('forms.heading')}</h1>
      <p>{t('forms.intro')}</p>
      {forms === undefined ? (
        <p>{t('forms.loading')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('forms.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forms.name')}</th>
              <th scope="col">{t('forms.kind')}</th>
              <th scope="col">{t('forms.version')}</th>
              <th scope="col">{t('forms.updated')}</th>
              <th scope="col">{t('forms.flow')}</th>
            </tr>
          </thead>
          <tbody>
            {forms.map((f) => (
              <tr key={f.id}>
                <td>
                  <Link to={`/forms/${f.id}`}>{f.name}</Link>
                </td>
                <td>{t(`forms.kinds.${f.kind}`)}</td>
                <td>{f.latestVersion > 0 ? f.latestVersion : t('forms.unpublished')}</td>
                <td>{new Date(f.updatedAt).toLocaleString(i18n.language)}</td>
                <td>
                  {f.latestVersion > 0 ? (
                    <select aria-label={t('forms.flowFor', { name: f.name })} value={f.flowId ?? ''} onChange={(e) => void attach(f, e.target.value)}>
                      <option value="">{t('forms.noFlow')}</option>
                      {flows.map((fl) => (
                        <option key={fl.id} value={fl.id}>
                          {fl.key}
                        </option>
                      ))}
                    </select>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status">{attachStatus}</p>
      <h2>{t('forms.new.heading')}</h2>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <form onSubmit={(e) => void create(e)} className="stacked-form">
        <label htmlFor="new-form-name">{t('forms.name')}</label>
        <input id="new-form-name" name="name" required maxLength={200} />
        <label htmlFor="new-form-kind">{t('forms.kind')}</label>
        <select id="new-form-kind" name="kind" defaultValue="signupTemplate">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`forms.kinds.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('forms.new.create')}</button>
      </form>
    </section>
  );
}
