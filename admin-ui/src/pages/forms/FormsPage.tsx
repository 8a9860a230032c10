// The tenant's forms: each with its kind and newest published version; a new form starts from a name and kind.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { apiSend } from '../../../../forms/ui/api';
import { problemText } from '../../../../forms/ui/problem';
import { flowKeys, flowsQuery } from '../../api/flows';
import { formKeys, formsQuery, type FormSummary } from '../../api/forms';
import { DataTable, type Column } from '../../components/DataTable';
import { ProblemAlert, QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../dates';

const KINDS = ['signupTemplate', 'consentStatement', 'taskTypeFields', 'petitionForm', 'profile', 'eService'] as const;

export function FormsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const forms = useQuery(formsQuery());
  const flows = useQuery(flowsQuery());
  const publishedFlows = (flows.data?.flows ?? []).filter((f) => f.latestVersion > 0);
  const [attachStatus, setAttachStatus] = useState('');

  // Each new submission of the form starts the attached flow's latest version. The list shows the choice at
  // once and takes it back if the server refuses it.
  const attach = useMutation({
    mutationFn: ({ form, flowId }: { form: FormSummary; flowId: string | null }) => apiSend('PUT', `/api/forms/${form.id}/flow`, { flowId }),
    onMutate: async ({ form, flowId }) => {
      await queryClient.cancelQueries({ queryKey: formKeys.list });
      const before = queryClient.getQueryData(formsQuery().queryKey);
      queryClient.setQueryData(formsQuery().queryKey, (old) => old && { forms: old.forms.map((f) => (f.id === form.id ? { ...f, flowId } : f)) });
      return { before };
    },
    onSuccess: (_answer, { form }) => setAttachStatus(t('forms.flowAttached', { name: form.name })),
    onError: (err, _vars, context) => {
      queryClient.setQueryData(formsQuery().queryKey, context?.before);
      setAttachStatus(problemText(t, err));
    },
    // The flows list counts the forms attached to each flow.
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: formKeys.list }), queryClient.invalidateQueries({ queryKey: flowKeys.list })]),
  });

  const create = useMutation({
    mutationFn: (body: { name: string; kind: string }) => apiSend<{ id: string }>('POST', '/api/forms', { name: body.name, draft: { schemaVersion: 1, kind: body.kind } }),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: formKeys.list });
      await navigate(`/forms/${id}`);
    },
  });
  const onCreate = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    create.mutate({ name: String(data.get('name') ?? '').trim(), kind: String(data.get('kind')) });
  };

  const columns: Column<FormSummary>[] = [
    { key: 'name', header: t('forms.name'), cell: (f) => <Link to={`/forms/${f.id}`}>{f.name}</Link>, sortValue: (f) => f.name },
    { key: 'kind', header: t('forms.kind'), cell: (f) => t(`forms.kinds.${f.kind}`), sortValue: (f) => t(`forms.kinds.${f.kind}`) },
    { key: 'version', header: t('forms.version'), cell: (f) => (f.latestVersion > 0 ? f.latestVersion : t('forms.unpublished')), sortValue: (f) => f.latestVersion },
    { key: 'updated', header: t('forms.updated'), cell: (f) => formatDateTime(f.updatedAt, i18n.language), sortValue: (f) => f.updatedAt },
    {
      key: 'flow',
      header: t('forms.flow'),
      cell: (f) =>
        f.latestVersion > 0 ? (
          <select aria-label={t('forms.flowFor', { name: f.name })} value={f.flowId ?? ''} onChange={(e) => attach.mutate({ form: f, flowId: e.target.value || null })}>
            <option value="">{t('forms.noFlow')}</option>
            {publishedFlows.map((fl) => (
              <option key={fl.id} value={fl.id}>
                {fl.key}
              </option>
            ))}
          </select>
        ) : null,
    },
  ];

  return (
    <section>
      <h1>{t('forms.heading')}</h1>
      <p>{t('forms.intro')}</p>
      <QueryState query={forms}>
        {({ forms: rows }) => <DataTable caption={t('forms.heading')} captionHidden className="data-table" columns={columns} rows={rows} rowKey={(f) => f.id} emptyText={t('forms.none')} />}
      </QueryState>
      {/* Without the flows the forms are still listed; attaching a flow waits for them. */}
      {flows.isError ? <ProblemAlert error={flows.error} /> : null}
      <p role="status">{attachStatus}</p>
      <h2>{t('forms.new.heading')}</h2>
      {create.isError ? <ProblemAlert error={create.error} /> : null}
      <form onSubmit={onCreate} className="stacked-form">
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
        <button type="submit" disabled={create.isPending}>
          {t('forms.new.create')}
        </button>
      </form>
    </section>
  );
}
