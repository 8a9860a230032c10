// The flow editor: parameters, statuses, rules (when in words and as data, a condition builder or raw JSON
// Logic, each action's config through a form generated from its schema), the problems that stand between the
// draft and publishing, the timeline preview, publishing, versions with what changed, and moving running
// instances to the latest version. "Save draft" stores the draft; the preview runs what was saved. Problems come
// as codes with params and are shown in the page's language (coded-text.ts), rules in words (describe.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FlowDefinition } from '../../../../workflows/flow/core/types';
import { apiSend } from '../../../../forms/ui/api';
import { problemText } from '../../../../forms/ui/problem';
import type { FieldError } from '../../../../forms/validation';
import { editorSchemasQuery, flowKeys, flowQuery, flowVersionQuery, instanceKeys, type LoadedFlow, type Scenario } from '../../api/flows';
import { useConfirm } from '../../components/ConfirmDialog';
import { ProblemAlert, QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../dates';
import { ActionConfigForm } from './ActionConfigForm';
import { codedProblemSummary, useCodedText } from './coded-text';
import { ConditionEditor } from './ConditionEditor';
import { describeActions, describeWhen, diffFlows, flowNames } from './describe';
import { FlowDiagram } from './FlowDiagram';
import { PreviewPanel } from './PreviewPanel';

type Rule = NonNullable<FlowDefinition['rules']>[number];

export function FlowEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const flow = useQuery(flowQuery(id));
  return (
    <QueryState query={flow} notFound={<h1>{t('notFound')}</h1>}>
      {(loaded) => <FlowEditor key={id} id={id} loaded={loaded} />}
    </QueryState>
  );
}

/** The editor keeps its own copy of the draft being edited, made from the loaded flow (and again after publishing). */
function FlowEditor({ id, loaded }: { id: string; loaded: LoadedFlow }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const locale = (['da', 'sv', 'en'].includes(i18n.language) ? i18n.language : 'en') as 'da' | 'sv' | 'en';
  const [draft, setDraft] = useState<FlowDefinition>(loaded.draft);
  // The rules' sentences name statuses and tasks by their labels and parameters by their values.
  const names = useMemo(() => flowNames(draft, locale), [draft, locale]);
  const schemas = useQuery(editorSchemasQuery());
  const [status, setStatus] = useState('');
  const [diff, setDiff] = useState<{ version: number; lines: string[] } | undefined>();
  const [whenTexts, setWhenTexts] = useState<Record<string, string>>({});
  const codedText = useCodedText();

  const saveDraft = useMutation({
    mutationFn: (next: FlowDefinition) => apiSend<{ draft: FlowDefinition; problems: FieldError[]; scenarios: Scenario[] }>('PUT', `/api/flows/${encodeURIComponent(id)}/draft`, next),
    onSuccess: async (saved) => {
      // What the server keeps is the loaded flow now; the preview runs the saved draft, so it is run again.
      queryClient.setQueryData(flowQuery(id).queryKey, (old) => old && { ...old, draft: saved.draft, problems: saved.problems, scenarios: saved.scenarios });
      setStatus(t('flows.saved'));
      await queryClient.invalidateQueries({ queryKey: flowKeys.previews(id) });
    },
    onError: (err) => setStatus(codedProblemSummary(t, i18n, err)),
  });

  // Publishing is for good: new processes start on the new version. Asked first, saying so.
  const { confirm, dialog } = useConfirm();
  const confirmPublish = async () => {
    const next = loaded.latestVersion + 1;
    const ok = await confirm({ title: t('flows.confirmPublishTitle', { version: next }), body: <p>{t('flows.confirmPublishBody', { version: next })}</p>, confirm: t('flows.publish') });
    if (ok) publish.mutate();
  };
  const publish = useMutation({
    mutationFn: () => apiSend<{ version: number }>('POST', `/api/flows/${encodeURIComponent(id)}/publish`, {}),
    onSuccess: async ({ version }) => {
      setStatus(t('flows.published', { version }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: flowKeys.detail(id), exact: true }), queryClient.invalidateQueries({ queryKey: flowKeys.list })]);
      // The editor shows the draft as the server has it after publishing.
      const fresh = queryClient.getQueryData(flowQuery(id).queryKey);
      if (fresh) setDraft(fresh.draft);
    },
    onError: (err) => setStatus(problemText(t, err)),
  });

  const name = draft.name?.[locale] ?? draft.key;
  const params = draft.parameters?.properties ?? {};
  const update = (next: FlowDefinition) => {
    setDraft(next);
    setStatus(t('flows.unsaved'));
  };
  const updateRule = (index: number, rule: Rule) => update({ ...draft, rules: draft.rules!.map((r, i) => (i === index ? rule : r)) });
  const variables = ['status', ...(draft.counters ?? []).map((c) => `counters.${c.key}`), ...Object.keys(params).map((p) => `parameters.${p}`), 'answers.'];

  const showDiff = async (version: number) => {
    try {
      const [a, b] = await Promise.all([queryClient.fetchQuery(flowVersionQuery(id, version - 1)), queryClient.fetchQuery(flowVersionQuery(id, version))]);
      setDiff({ version, lines: diffFlows(t, a.definition as FlowDefinition, b.definition as FlowDefinition) });
    } catch (err) {
      setStatus(problemText(t, err));
    }
  };

  // The diagram's choice: bring that status or rule's editor into view and give it focus.
  const openEditorOf = (kind: 'status' | 'rule', key: string) => {
    const target = document.getElementById(`${kind}-${key}`);
    target?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    target?.focus({ preventScroll: true });
  };

  return (
    <section className="flow-editor">
      {dialog}
      <p>
        <Link to="/flows">{t('flows.back')}</Link>
      </p>
      <h1>{name}</h1>
      <p className="designer-meta">{t('flows.meta', { key: draft.key, module: draft.module, version: loaded.latestVersion || '–' })}</p>
      <p className="designer-status" role="status">
        {status}
      </p>
      <div className="flow-toolbar">
        <button type="button" onClick={() => saveDraft.mutate(draft)}>
          {t('flows.save')}
        </button>
        <button type="button" onClick={() => void confirmPublish()} disabled={loaded.problems.length > 0}>
          {t('flows.publish')}
        </button>
      </div>
      {loaded.problems.length ? (
        <div className="designer-problems">
          <h2>{t('flows.problems')}</h2>
          <ul>
            {loaded.problems.map((p, i) => (
              <li key={i}>
                <code>{p.field}</code> {codedText(p, p.message)}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="notice notice-ok">{t('flows.publishable')}</p>
      )}

      <h2>{t('flows.diagram.heading')}</h2>
      <FlowDiagram draft={draft} locale={locale} onSelect={openEditorOf} />

      <h2>{t('flows.parameters')}</h2>
      <div className="flow-parameters">
        {Object.entries(params).map(([key, p]) => (
          <div className="field" key={key}>
            {/* The title in the page's language (`titles`), the unit and bounds beside the input, read out with it. */}
            <label htmlFor={`param-${key}`}>{p.titles?.[locale] ?? p.titles?.en ?? p.title ?? key}</label>
            <span className="param-input">
              <input
                id={`param-${key}`}
                type="number"
                min={p.minimum}
                max={p.maximum}
                aria-describedby={`param-${key}-bounds`}
                value={String(p.default ?? '')}
                onChange={(e) =>
                  update({ ...draft, parameters: { ...draft.parameters, properties: { ...params, [key]: { ...p, default: e.target.value === '' ? undefined : Number(e.target.value) } } } })
                }
              />
              <span id={`param-${key}-bounds`} className="hint">
                {p.minimum !== undefined && p.maximum !== undefined
                  ? t('flows.bounds', { min: p.minimum.toLocaleString(locale), max: p.maximum.toLocaleString(locale), unit: p.unit ? t(`flows.units.${p.unit}`) : '' })
                  : p.unit
                    ? t(`flows.units.${p.unit}`)
                    : ''}
              </span>
            </span>
          </div>
        ))}
      </div>

      <h2>{t('flows.statuses')}</h2>
      <ul>
        {(draft.statuses ?? []).map((s) => (
          <li key={s.key} id={`status-${s.key}`} tabIndex={-1}>
            {s.label?.[locale] ?? s.key} <code>{s.key}</code> {s.initial ? t('flows.initial') : ''} {s.final ? t('flows.final') : ''}
          </li>
        ))}
      </ul>

      <h2>{t('flows.rules')}</h2>
      {/* Without the action schemas the rules are still shown; only their config forms are missing. */}
      {schemas.isError ? <ProblemAlert error={schemas.error} /> : null}
      <ol className="flow-rules">
        {(draft.rules ?? []).map((rule, index) => {
          const whenText = whenTexts[rule.id] ?? JSON.stringify(rule.when, null, 2);
          return (
            <li key={rule.id} id={`rule-${rule.id}`} className="flow-rule" tabIndex={-1}>
              <h3>{rule.label?.[locale] ?? rule.id}</h3>
              <p className="rule-summary">
                {describeWhen(t, rule.when, names)}: {describeActions(t, rule, names)}.
              </p>
              <details>
                <summary>{t('flows.editWhen')}</summary>
                <label htmlFor={`when-${rule.id}`}>{t('flows.when')}</label>
                <textarea
                  id={`when-${rule.id}`}
                  rows={6}
                  value={whenText}
                  onChange={(e) => {
                    setWhenTexts({ ...whenTexts, [rule.id]: e.target.value });
                    try {
                      updateRule(index, { ...rule, when: JSON.parse(e.target.value) as Rule['when'] });
                    } catch {
                      setStatus(t('flows.whenInvalid'));
                    }
                  }}
                />
              </details>
              <ConditionEditor
                id={`if-${rule.id}`}
                logic={rule.if}
                variables={variables}
                onChange={(logic) => updateRule(index, { ...rule, ...(logic === undefined ? { if: undefined } : { if: logic as object }) })}
              />
              {(rule.then ?? []).map((action, ai) => (
                <fieldset key={ai} className="flow-action">
                  <legend>{t('flows.action', { n: ai + 1, action: action.action })}</legend>
                  {schemas.data?.actions[action.action] ? (
                    <ActionConfigForm
                      action={action.action}
                      schema={schemas.data.actions[action.action]!}
                      config={(action.config ?? {}) as Record<string, unknown>}
                      idPrefix={`rule-${rule.id}-${ai}`}
                      locale={locale}
                      onChange={(config) => updateRule(index, { ...rule, then: rule.then!.map((a, j) => (j === ai ? { ...a, config } : a)) })}
                    />
                  ) : null}
                </fieldset>
              ))}
            </li>
          );
        })}
      </ol>

      <PreviewPanel flowId={id} scenarios={loaded.scenarios} />

      <h2>{t('flows.versions')}</h2>
      <ul className="designer-versions">
        {loaded.versions.map((v) => (
          <li key={v.version}>
            {t('flows.versionLine', { version: v.version, date: formatDateTime(v.publishedAt, i18n.language), running: v.running })}{' '}
            {v.version > 1 ? (
              <button type="button" className="button-small button-secondary" onClick={() => void showDiff(v.version)}>
                {t('flows.compare', { version: v.version })}
              </button>
            ) : null}{' '}
            <Link to={`/flow-instances?flow=${id}&version=${v.version}`}>{t('flows.instancesOf', { version: v.version })}</Link>
          </li>
        ))}
      </ul>
      {diff ? (
        <div className="designer-diff" role="region" aria-label={t('flows.diffLabel', { version: diff.version })}>
          <h3>{t('flows.diffLabel', { version: diff.version })}</h3>
          <ul>{diff.lines.length ? diff.lines.map((l, i) => <li key={i}>{l}</li>) : <li>{t('flows.noChanges')}</li>}</ul>
        </div>
      ) : null}
      <MigratePanel flowId={id} loaded={loaded} />
    </section>
  );
}

function MigratePanel({ flowId, loaded }: { flowId: string; loaded: LoadedFlow }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const older = loaded.versions.filter((v) => v.version < loaded.latestVersion && v.running > 0);
  const [message, setMessage] = useState('');
  const migrate = useMutation({
    mutationFn: (fromVersion: number) => apiSend<{ moved: number; version: number }>('POST', `/api/flows/${encodeURIComponent(flowId)}/migrate`, { fromVersion, statusMap: {} }),
    onSuccess: async (r) => {
      setMessage(t('flows.migrated', { moved: r.moved, version: r.version }));
      // The versions' running counts, the flows list and the instances all changed.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: flowKeys.detail(flowId), exact: true }),
        queryClient.invalidateQueries({ queryKey: flowKeys.list }),
        queryClient.invalidateQueries({ queryKey: instanceKeys.all }),
      ]);
    },
    onError: (err) => setMessage(codedProblemSummary(t, i18n, err)),
  });
  // Moving running processes cannot be undone: they continue on the latest version's rules.
  const { confirm, dialog } = useConfirm();
  const confirmMigrate = async (fromVersion: number, running: number) => {
    const ok = await confirm({
      title: t('flows.confirmMigrateTitle', { count: running, version: fromVersion, latest: loaded.latestVersion }),
      body: <p>{t('flows.confirmMigrateBody', { count: running, version: fromVersion, latest: loaded.latestVersion })}</p>,
      confirm: t('flows.confirmMigrate'),
    });
    if (ok) migrate.mutate(fromVersion);
  };
  if (!older.length) return null;
  return (
    <section aria-labelledby="migrate-heading">
      {dialog}
      <h2 id="migrate-heading">{t('flows.migrate')}</h2>
      <p>{t('flows.migrateIntro')}</p>
      {older.map((v) => (
        <button key={v.version} type="button" className="button-secondary" onClick={() => void confirmMigrate(v.version, v.running)}>
          {t('flows.migrateFrom', { version: v.version, running: v.running, latest: loaded.latestVersion })}
        </button>
      ))}
      <p role="status">{message}</p>
    </section>
  );
}
