// A form's answers for administrators: filtered by version, paged by the server, each shown against the fields
// of the form by their labels (and chosen options by theirs) in the administrator's language, from the texts
// of the version each answer was given to; the CSV export streams every answer (and is audited on the server).
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { answerColumns, answerLabeller, type AnswerLocale } from '../../../../forms/answer-labels';
import { formQuery, formVersionQuery, submissionsQuery, type SubmissionsPage as Page } from '../../api/forms';
import { DataTable, type Column } from '../../components/DataTable';
import { ProblemAlert, QueryState } from '../../components/QueryState';
import { formatDate, formatDateTime } from '../../dates';

type Submission = Page['submissions'][number];


export function SubmissionsPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const version = params.get('version') ?? '';
  const page = Number(params.get('page') ?? '1');
  const form = useQuery(formQuery(id));
  // The version and the page are the query's key: choosing another cancels the request for the one before.
  const answers = useQuery({ ...submissionsQuery(id, { version, page }), placeholderData: keepPreviousData });

  // The texts of every version on this page (a published version never changes: loaded once each).
  const shownVersions = [...new Set(answers.data?.submissions.map((s) => s.version) ?? [])].sort((a, b) => b - a);
  const definitions = useQueries({ queries: shownVersions.map((v) => formVersionQuery(id, v)) });
  const locale = i18n.language as AnswerLocale;
  const labellers = new Map(definitions.flatMap((q) => (q.data ? [[q.data.version, answerLabeller(q.data.definition, locale)] as const] : [])));

  const name = form.data?.name ?? '';
  const goTo = (n: number) => setParams({ ...(version ? { version } : {}), page: String(n) });
  const columnsOf = (data: Page): Column<Submission>[] => {
    const fields = answerColumns(definitions.flatMap((q) => (q.data ? [q.data.definition] : [])), locale);
    // Answers to fields no loaded version knows (still loading) keep their key until the texts arrive.
    const known = new Set(fields.map((f) => f.key));
    const extra = [...new Set(data.submissions.flatMap((s) => Object.keys(s.answers ?? {})))].filter((k) => !known.has(k)).map((key) => ({ key, label: key }));
    const cellText = (s: Submission, key: string) => {
      const value = s.answers?.[key];
      if (value === undefined || value === null) return '';
      return labellers.get(s.version)?.value(key, value) ?? String(value);
    };
    return [
      { key: 'submittedAt', header: t('submissions.submittedAt'), cell: (s) => formatDateTime(s.submittedAt, i18n.language) },
      { key: 'version', header: t('submissions.version'), cell: (s) => s.version },
      ...[...fields, ...extra].map((f) => ({ key: `answer-${f.key}`, header: f.label, cell: (s: Submission) => cellText(s, f.key) })),
    ];
  };
  return (
    <section>
      <h1>{t('submissions.heading', { name })}</h1>
      <p>
        <Link to={`/forms/${id}`}>{t('submissions.back')}</Link>
      </p>
      {/* A missing form is said once, by the answers below. */}
      {form.isError && !answers.isError ? <ProblemAlert error={form.error} /> : null}
      <div className="filters">
        <div className="field">
          <label htmlFor="submissions-version">{t('submissions.version')}</label>
          <select id="submissions-version" value={version} onChange={(e) => setParams(e.target.value ? { version: e.target.value } : {})}>
            <option value="">{t('submissions.allVersions')}</option>
            {(form.data?.versions ?? []).map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
              </option>
            ))}
          </select>
        </div>
        <a className="button-link" href={`/api/forms/${encodeURIComponent(id)}/submissions.csv?${new URLSearchParams({ locale, ...(version ? { version } : {}) })}`} download>
          {t('submissions.export')}
        </a>
      </div>
      <QueryState query={answers}>
        {(data) => (
          <>
            <p>{t('submissions.count', { count: data.total })}</p>
            <DataTable
              caption={t('submissions.heading', { name })}
              captionHidden
              columns={columnsOf(data)}
              rows={data.submissions}
              rowKey={(s) => s.id}
              emptyText={t('submissions.none')}
              spanningCell={(s) =>
                s.answers ? undefined : { from: 2, className: 'erased', content: t('submissions.erased', { date: formatDate(s.erasedAt ?? s.submittedAt, i18n.language) }) }
              }
              serverPaging={{ page: data.page, pageSize: data.pageSize, total: data.total, onPageChange: goTo }}
              busy={answers.isPlaceholderData}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
