// The flow editor: parameters, statuses, rules (when in words and as data, a condition builder or raw JSON
// Logic, each action's config through a form generated from its schema), the problems that stand between the
// draft and publishing, the timeline preview, publishing, versions with what changed, and moving running
// instances to the latest version. "Save draft" stores the draft; the preview runs what was saved.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RJSFSchema } from '@rjsf/utils';
import type { FlowDefinition } from '../../../../workflows/flow/core/types';
import { getJson, ProblemError, sendJson } from '../../../../forms/ui/problem';
import type { FieldError } from '../../../../forms/validation';
import { ActionConfigForm } from './ActionConfigForm';
import { ConditionEditor } from './ConditionEditor';
import { describeAction, describeWhen, diffFlows } from './describe';
import { loadVersion, PreviewPanel, type Scenario } from './PreviewPanel';

interface LoadedFlow {
  id: string;
  key: string;
  draft: FlowDefinition;
  latestVersion: number;
  versions: { version: number; publishedAt: string; running: number }[];
  problems: FieldError[];
  scenarios: Scenario[];
}

type Rule = NonNullable<FlowDefinition['rules']>[number];

export function FlowEditorPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const locale = (['da', 'sv', 'en'].includes(i18n.language) ? i18n.language : 'en') as 'da' | 'sv' | 'en';
  const [loaded, setLoaded] = useState<LoadedFlow | 'missing' | undefined>();
  const [draft, setDraft] = useState<FlowDefinition | undefined>();
  const [schemas, setSchemas] = useState<{ actions: Record<string, RJSFSchema> } | undefined>();
  const [status, setStatus] = useState('');
  const [revision, setRevision] = useState(0);
  const [diff, setDiff] = useState<{ version: number; lines: string[] } | undefined>();
  const [whenTexts, setWhenTexts] = useState<Record<string, string>>({});

  const reload = useCallback(async () => {
    try {
      const f = await getJson<LoadedFlow>(`/api/flows/${encodeURIComponent(id)}`);
      setLoaded(f);
      setDraft(f.draft);
    } catch {
      setLoaded('missing');
    }
  }, [id]);

  useEffect(() => {
    void reload();
    getJson<{ actions: Record<string, RJSFSchema> }>('/api/flows/editor-schemas').then(setSchemas, () => undefined);
  }, [reload]);

  if (loaded === 'missing') return <h1>{t('notFound')}</h1>;
  if (!loaded || !draft) return <p>{t('forms.loading')}</p>;

  const name = draft.name?.[locale] ?? draft.key;
  const params = draft.parameters?.properties ?? {};
  const update = (next: FlowDefinition) => {
    setDraft(next);
    setStatus(t('flows.unsaved'));
  };
  const updateRule = (index: number, rule: Rule) => update({ ...draft, rules: draft.rules!.map((r, i) => (i === index ? rule : r)) });
  const variables = ['status', ...(draft.counters ?? []).map((c) => `counters.${c.key}`), ...Object.keys(params).map((p) => `parameters.${p}`), 'answers.'];

  const save = async () => {
    try {
      const saved = await sendJson<{ draft: FlowDefinition; problems: FieldError[]; scenarios: Scenario[] }>('PUT', `/api/flows/${encodeURIComponent(id)}/draft`, draft);
      setLoaded({ ...loaded, draft: saved.draft, problems: saved.problems, scenarios: saved.scenarios });
      setStatus(t('flows.saved'));
      setRevision((r) => r + 1);
    } catch (err) {
      setStatus(err instanceof ProblemError ? `${err.problem.title}: ${(err.problem.errors ?? []).map((e) => `${e.field} ${e.message}`).join('; ')}` : String(err));
    }
  };

  const publish = async () => {
    try {
      const { version } = await sendJson<{ version: number }>('POST', `/api/flows/${encodeURIComponent(id)}/publish`, {});
      setStatus(t('flows.published', { version }));
      await reload();
    } catch (err) {
      setStatus(err instanceof ProblemError ? err.problem.title : String(err));
    }
  };

  const showDiff = async (version: number) => {
    const [a, b] = await Promise.all([loadVersion(id, version - 1), loadVersion(id, version)]);
    setDiff({ version, lines: diffFlows(a.definition as FlowDefinition, b.definition as FlowDefinition) });
  };

  return (
    <section className="flow-editor">
      <p>
        <Link to="/flows">{t('flows.back')}</Link>
      </p>
      <h1>{name}</h1>
      <p className="designer-meta">{t('flows.meta', { key: draft.key, module: draft.module, version: loaded.latestVersion || '–' })}</p>
      <p className="designer-status" role="status">
        {status}
      </p>
      <div className="flow-toolbar">
        <button type="button" onClick={() => void save()}>
          {t('flows.save')}
        </button>
        <button type="button" onClick={() => void publish()} disabled={loaded.problems.length > 0}>
          {t('flows.publish')}
        </button>
      </div>
      {loaded.problems.length ? (
        <div className="designer-problems">
          <h2>{t('flows.problems')}</h2>
          <ul>
            {loaded.problems.map((p, i) => (
              <li key={i}>
                <code>{p.field}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="notice notice-ok">{t('flows.publishable')}</p>
      )}

      <h2>{t('flows.parameters')}</h2>
      <div className="flow-parameters">
        {Object.entries(params).map(([key, p]) => (
          <div className="field" key={key}>
            <label htmlFor={`param-${key}`}>{p.title ?? key}</label>
            <input
              id={`param-${key}`}
              type="number"
              min={p.minimum}
              max={p.maximum}
              value={String(p.default ?? '')}
              onChange={(e) => update({ ...draft, parameters: { ...draft.parameters, properties: { ...params, [key]: { ...p, default: e.target.value === '' ? undefined : Number(e.target.value) } } } })}
            />
          </div>
        ))}
      </div>

      <h2>{t('flows.statuses')}</h2>
      <ul>
        {(draft.statuses ?? []).map((s) => (
          <li key={s.key}>
            {s.label?.[locale] ?? s.key} <code>{s.key}</code> {s.initial ? t('flows.initial') : ''} {s.final ? t('flows.final') : ''}
          </li>
        ))}
      </ul>

      <h2>{t('flows.rules')}</h2>
      <ol className="flow-rules">
        {(draft.rules ?? []).map((rule, index) => {
          const whenText = whenTexts[rule.id] ?? JSON.stringify(rule.when, null, 2);
          return (
            <li key={rule.id} className="flow-rule">
              <h3>{rule.label?.[locale] ?? rule.id}</h3>
              <p className="rule-summary">
                {describeWhen(rule.when)}: {(rule.then ?? []).map(describeAction).join('; ')}.
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
              <ConditionEditor id={`if-${rule.id}`} logic={rule.if} variables={variables} onChange={(logic) => updateRule(index, { ...rule, ...(logic === undefined ? { if: undefined } : { if: logic as object }) })} />
              {(rule.then ?? []).map((action, ai) => (
                <fieldset key={ai} className="flow-action">
                  <legend>{t('flows.action', { n: ai + 1, action: action.action })}</legend>
                  {schemas?.actions[action.action] ? (
                    <ActionConfigForm
                      action={action.action}
                      schema={schemas.actions[action.action]!}
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

      <PreviewPanel flowId={id} scenarios={loaded.scenarios} revision={revision} />

      <h2>{t('flows.versions')}</h2>
      <ul className="designer-versions">
        {loaded.versions.map((v) => (
          <li key={v.version}>
            {t('flows.versionLine', { version: v.version, date: new Date(v.publishedAt).toLocaleString(i18n.language), running: v.running })}{' '}
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
      <MigratePanel flowId={id} loaded={loaded} onDone={() => void reload()} />
    </section>
  );
}

function MigratePanel({ flowId, loaded, onDone }: { flowId: string; loaded: LoadedFlow; onDone: () => void }) {
  const { t } = useTranslation();
  const older = loaded.versions.filter((v) => v.version < loaded.latestVersion && v.running > 0);
  const [message, setMessage] = useState('');
  if (!older.length) return null;
  const migrate = async (fromVersion: number) => {
    try {
      const r = await sendJson<{ moved: number; version: number }>('POST', `/api/flows/${encodeURIComponent(flowId)}/migrate`, { fromVersion, statusMap: {} });
      setMessage(t('flows.migrated', { moved: r.moved, version: r.version }));
      onDone();
    } catch (err) {
      setMessage(err instanceof ProblemError ? (err.problem.errors ?? []).map((e) => e.message).join('; ') || err.problem.title : String(err));
    }
  };
  return (
    <section aria-labelledby="migrate-heading">
      <h2 id="migrate-heading">{t('flows.migrate')}</h2>
      <p>{t('flows.migrateIntro')}</p>
      {older.map((v) => (
        <button key={v.version} type="button" className="button-secondary" onClick={() => void migrate(v.version)}>
          {t('flows.migrateFrom', { version: v.version, running: v.running, latest: loaded.latestVersion })}
        </button>
      ))}
      <p role="status">{message}</p>
    </section>
  );
}
