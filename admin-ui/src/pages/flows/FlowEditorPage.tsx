// The flow editor: parameters, statuses, rules (when in words and as data, a condition builder or raw JSON
// Logic, each action's config through a form generated from its schema), the problems that stand between the
// draft and publishing, the timeline preview, publishing, versions with what changed, and moving running
// instances to the latest version. "Save draft" stores the draft; the preview runs what was saved. Problems come
// as codes with params and are shown in the page's language (coded-text.ts), rules in words (describe.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
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
import { codedProblemSummary, useCodedText } from './coded-text';
import { describeActions, describeWhen, diffFlows, flowNames } from './describe';
import { FlowDiagram } from './FlowDiagram';
import { PreviewPanel } from './PreviewPanel';
import { RuleEditor, StatusDetails, type Rule } from './RuleEditor';

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
  const codedText = useCodedText(names);

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
  const rules = draft.rules ?? [];
  const updateRule = (rule: Rule) => update({ ...draft, rules: rules.map((r) => (r.id === rule.id ? rule : r)) });
  const variables = ['status', ...(draft.counters ?? []).map((c) => `counters.${c.key}`), ...Object.keys(params).map((p) => `parameters.${p}`), 'answers.'];
  // The preview tries the parameter values being edited, once they are within their bounds, a moment after the last keystroke.
  const tried = useDebounced(useMemo(() => validParameters(draft), [draft]), 300);

  const showDiff = async (version: number) => {
    try {
      const [a, b] = await Promise.all([queryClient.fetchQuery(flowVersionQuery(id, version - 1)), queryClient.fetchQuery(flowVersionQuery(id, version))]);
      setDiff({ version, lines: diffFlows(t, a.definition as FlowDefinition, b.definition as FlowDefinition, locale) });
    } catch (err) {
      setStatus(problemText(t, err));
    }
  };

  // A status or rule chosen in the diagram or the lists opens in the side panel, whose heading takes focus.
  const [selected, setSelected] = useState<{ kind: 'status' | 'rule'; key: string }>();
  const select = (kind: 'status' | 'rule', key: string) => {
    setSelected({ kind, key });
    requestAnimationFrame(() => document.getElementById(`${kind}-${key}`)?.focus());
  };
  const close = () => {
    const back = selected && document.getElementById(`${selected.kind}-card-${selected.key}`);
    setSelected(undefined);
    requestAnimationFrame(() => (back?.querySelector('button') ?? back)?.focus());
  };
  const choices = useMemo(
    () => ({
      status: (draft.statuses ?? []).map((st) => ({ value: st.key, label: names.status(st.key) })),
      deadline: (draft.deadlines ?? []).map((d) => ({ value: d.key, label: names.deadline(d.key) })),
    }),
    [draft.statuses, draft.deadlines, names],
  );
  const selectedRule = selected?.kind === 'rule' ? rules.find((r) => r.id === selected.key) : undefined;
  const selectedStatus = selected?.kind === 'status' ? draft.statuses?.find((st) => st.key === selected.key) : undefined;

  return (
    <section className="flow-editor">
      {dialog}
      <p>
        <Link to="/flows">{t('flows.back')}</Link>
      </p>
      <h1>{name}</h1>
      <p className="designer-meta">{t('flows.meta', { key: draft.key, module: t(`${draft.module}:name`, { defaultValue: draft.module }), version: loaded.latestVersion || '–' })}</p>
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
              <li key={i}>{codedText(p, p.message)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="notice notice-ok">{t('flows.publishable')}</p>
      )}

      {/* What an administrator usually changes, beside what it does to the timeline. */}
      <div className="flow-top">
        <section aria-labelledby="parameters-heading" className="flow-parameters-panel">
          <h2 id="parameters-heading">{t('flows.parameters')}</h2>
          <p className="hint">{t('flows.parametersIntro')}</p>
          <div className="flow-parameters">
            {Object.entries(params).map(([key, p]) => (
              <ParameterField
                key={key}
                id={`param-${key}`}
                parameter={p}
                locale={locale}
                onChange={(value) => update({ ...draft, parameters: { ...draft.parameters, properties: { ...params, [key]: { ...p, default: value } } } })}
              />
            ))}
          </div>
        </section>
        <PreviewPanel flowId={id} scenarios={loaded.scenarios} parameters={tried} names={names} />
      </div>

      <h2>{t('flows.diagram.heading')}</h2>
      <div className={`flow-workbench${selected ? ' flow-workbench-open' : ''}`}>
        <FlowDiagram draft={draft} locale={locale} onSelect={select} />
        {selected ? (
          <aside className="flow-side-panel" aria-label={t('flows.side.label')}>
            {selectedRule ? (
              <RuleEditor
                key={selectedRule.id}
                rule={selectedRule}
                names={names}
                locale={locale}
                variables={variables}
                actionSchemas={schemas.data?.actions}
                choices={choices}
                onChange={updateRule}
                onInvalidWhen={() => setStatus(t('flows.whenInvalid'))}
                onClose={close}
              />
            ) : selectedStatus ? (
              <StatusDetails status={selectedStatus} rules={rules} names={names} locale={locale} onOpenRule={(ruleId) => select('rule', ruleId)} onClose={close} />
            ) : null}
            {/* Without the action schemas the rule is still shown; only its actions' config forms are missing. */}
            {selectedRule && schemas.isError ? <ProblemAlert error={schemas.error} /> : null}
          </aside>
        ) : null}
      </div>

      {/* The diagram in text: every status and rule, each opening the same side panel. */}
      <h2>{t('flows.statuses')}</h2>
      <ul className="flow-status-list">
        {(draft.statuses ?? []).map((st) => (
          <li key={st.key} id={`status-card-${st.key}`}>
            <button type="button" className="button-link-inline" aria-expanded={selected?.kind === 'status' && selected.key === st.key} onClick={() => select('status', st.key)}>
              {st.label?.[locale] ?? st.key}
            </button>{' '}
            {st.initial ? t('flows.initial') : ''} {st.final ? t('flows.final') : ''}
          </li>
        ))}
      </ul>

      <h2>{t('flows.rules')}</h2>
      <ol className="flow-rules">
        {rules.map((rule) => {
          const open = selected?.kind === 'rule' && selected.key === rule.id;
          return (
            <li key={rule.id} id={`rule-card-${rule.id}`} className={`flow-rule${open ? ' flow-rule-open' : ''}`}>
              <h3>{rule.label?.[locale] ?? rule.id}</h3>
              <p className="rule-summary">
                {describeWhen(t, rule.when, names)}: {describeActions(t, rule, names)}.
              </p>
              <button type="button" className="button-small button-secondary" aria-expanded={open} onClick={() => select('rule', rule.id)}>
                {t('flows.editRule', { label: rule.label?.[locale] ?? rule.id })}
              </button>
            </li>
          );
        })}
      </ol>

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

type Parameter = NonNullable<NonNullable<FlowDefinition['parameters']>['properties']>[string];

/** The parameter values within their bounds, as the preview may try them. */
function validParameters(def: FlowDefinition): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, p] of Object.entries(def.parameters?.properties ?? {})) if (parameterProblem(p) === undefined && typeof p.default === 'number') out[key] = p.default;
  return out;
}

function parameterProblem(p: Parameter): 'required' | 'whole' | 'bounds' | undefined {
  const v = p.default;
  if (typeof v !== 'number' || Number.isNaN(v)) return 'required';
  if (p.type === 'integer' && !Number.isInteger(v)) return 'whole';
  if ((p.minimum !== undefined && v < p.minimum) || (p.maximum !== undefined && v > p.maximum)) return 'bounds';
  return undefined;
}

/** A value that follows `value` once it has stayed the same for `ms` (by content, so a new object with the same values waits nothing). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}

/** One parameter: its title in the page's language, the unit and bounds beside the input (read out with it), an error when outside them. */
function ParameterField({ id, parameter: p, locale, onChange }: { id: string; parameter: Parameter; locale: 'da' | 'sv' | 'en'; onChange: (value: number | undefined) => void }) {
  const { t } = useTranslation();
  const problem = parameterProblem(p);
  const unit = p.unit ? t(`flows.units.${p.unit}`) : '';
  const bounds = p.minimum !== undefined && p.maximum !== undefined ? t('flows.bounds', { min: p.minimum.toLocaleString(locale), max: p.maximum.toLocaleString(locale), unit }) : unit;
  return (
    <div className="field">
      <label htmlFor={id}>{p.titles?.[locale] ?? p.titles?.en ?? p.title ?? id}</label>
      <span className="param-input">
        <input
          id={id}
          type="number"
          min={p.minimum}
          max={p.maximum}
          aria-describedby={`${id}-bounds${problem ? ` ${id}-error` : ''}`}
          aria-invalid={problem ? true : undefined}
          value={String(p.default ?? '')}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
        <span id={`${id}-bounds`} className="hint">
          {bounds}
        </span>
      </span>
      {problem ? (
        <span id={`${id}-error`} className="field-error">
          {t(`flows.parameterProblems.${problem}`, { bounds })}
        </span>
      ) : null}
    </div>
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
