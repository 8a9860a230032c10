// One rule, open for editing in the flow editor's side panel: its sentence, when it applies (as data, behind a
// disclosure), its condition (the builder), and each action's config through a form generated from the action's
// schema. The heading takes focus when the panel opens (chosen in the diagram or from the rule's card).
import type { RJSFSchema } from '@rjsf/utils';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDefinition } from '../../../../workflows/flow/core/types';
import { ActionConfigForm, type Choice } from './ActionConfigForm';
import { ConditionEditor } from './ConditionEditor';
import { describeActions, describeWhen, type FlowNames } from './describe';

export type Rule = NonNullable<FlowDefinition['rules']>[number];

interface Props {
  rule: Rule;
  names: FlowNames;
  locale: 'da' | 'sv' | 'en';
  variables: string[];
  actionSchemas: Record<string, RJSFSchema> | undefined;
  /** The flow's statuses and deadlines by their labels, for the fields that name one. */
  choices: Record<string, Choice[]>;
  onChange: (rule: Rule) => void;
  /** The text in the when-box does not parse as JSON (the rule keeps its last good `when`). */
  onInvalidWhen: () => void;
  onClose: () => void;
}

export function RuleEditor({ rule, names, locale, variables, actionSchemas, choices, onChange, onInvalidWhen, onClose }: Props) {
  const { t } = useTranslation();
  const [whenText, setWhenText] = useState(() => JSON.stringify(rule.when, null, 2));
  return (
    <div className="side-panel-body">
      <h2 id={`rule-${rule.id}`} tabIndex={-1}>
        {t('flows.side.rule', { label: rule.label?.[locale] ?? rule.id })}
      </h2>
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
            setWhenText(e.target.value);
            try {
              onChange({ ...rule, when: JSON.parse(e.target.value) as Rule['when'] });
            } catch {
              onInvalidWhen();
            }
          }}
        />
      </details>
      <ConditionEditor
        id={`if-${rule.id}`}
        logic={rule.if}
        variables={variables}
        onChange={(logic) => onChange({ ...rule, ...(logic === undefined ? { if: undefined } : { if: logic as object }) })}
      />
      {(rule.then ?? []).map((action, ai) => (
        <fieldset key={ai} className="flow-action">
          <legend>{t('flows.action', { n: ai + 1, action: t(`flowActions.${action.action}`, { defaultValue: action.action }) })}</legend>
          {actionSchemas?.[action.action] ? (
            <ActionConfigForm
              action={action.action}
              schema={actionSchemas[action.action]!}
              config={(action.config ?? {}) as Record<string, unknown>}
              idPrefix={`rule-${rule.id}-${ai}`}
              locale={locale}
              choices={choices}
              onChange={(config) => onChange({ ...rule, then: rule.then!.map((a, j) => (j === ai ? { ...a, config } : a)) })}
            />
          ) : null}
        </fieldset>
      ))}
      <button type="button" className="button-secondary" onClick={onClose}>
        {t('flows.side.close')}
      </button>
    </div>
  );
}

/** A status in the side panel: its name, whether it starts or ends the process, and the rules that lead to it. */
export function StatusDetails({ status, rules, names, locale, onOpenRule, onClose }: { status: NonNullable<FlowDefinition['statuses']>[number]; rules: Rule[]; names: FlowNames; locale: 'da' | 'sv' | 'en'; onOpenRule: (id: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const leadingHere = rules.filter((r) => (r.then ?? []).some((a) => a.action === 'setStatus' && (a.config as { status?: string } | undefined)?.status === status.key));
  return (
    <div className="side-panel-body">
      <h2 id={`status-${status.key}`} tabIndex={-1}>
        {t('flows.side.status', { label: status.label?.[locale] ?? status.key })}
      </h2>
      <p>{status.initial ? t('flows.side.initial') : status.final ? t('flows.side.final') : t('flows.side.between')}</p>
      <h3>{t('flows.side.leadingHere')}</h3>
      {leadingHere.length ? (
        <ul>
          {leadingHere.map((r) => (
            <li key={r.id}>
              <button type="button" className="button-link-inline" onClick={() => onOpenRule(r.id)}>
                {names.rule(r.id)}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{status.initial ? t('flows.side.startsHere') : t('flows.side.noRuleLeadsHere')}</p>
      )}
      <button type="button" className="button-secondary" onClick={onClose}>
        {t('flows.side.close')}
      </button>
    </div>
  );
}
