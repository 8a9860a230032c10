// Election types: a name and the eligibility rules chosen from the list (18 or older on the task date, resident
// in the municipality, citizenship — the country's own, or also EU and Nordic — and not disenfranchised); being
// alive always applies and the page says so. Rules are checkboxes, the citizenship's scope radio buttons.
import { useTranslation } from 'react-i18next';
import { useSite } from '../../../../../forms/ui/site';
import { CHOOSABLE_RULES, CITIZENSHIP_SCOPES, type CitizenshipScope, type ElectionType, type ElectionTypeRule, type RuleName } from '../api';
import { ConfigEditor, type FieldsProps } from './ConfigEditor';
import { ConfigListPage } from './ConfigListPage';
import { fieldId, TextField } from './fields';

interface Draft {
  name: string;
  rules: Record<RuleName, boolean>;
  scope: CitizenshipScope;
}

/** The rules in words, in the list's order ("18 år, bopæl, dansk statsborgerskab"). */
function useRuleWords(): (rules: ElectionTypeRule[]) => string {
  const { t } = useTranslation('election');
  const { tenant } = useSite();
  return (rules) =>
    CHOOSABLE_RULES.flatMap((name) => {
      const rule = rules.find((r) => r.rule === name);
      if (!rule) return [];
      return [rule.rule === 'citizenship' ? t(`electionType.short.citizenship.${rule.scope}`, { context: tenant.country }) : t(`electionType.short.${rule.rule}`)];
    }).join(', ') || t('electionType.short.none');
}

export function ElectionTypesPage() {
  const { t } = useTranslation('election');
  const words = useRuleWords();
  return <ConfigListPage kind="election-types" nameOf={(x: ElectionType) => x.name} columns={[{ key: 'rules', header: t('electionType.rules'), cell: (x) => words(x.rules) }]} />;
}

function ElectionTypeFields({ value, onChange, errors }: FieldsProps<Draft>) {
  const { t } = useTranslation('election');
  const { tenant } = useSite();
  const setRule = (name: RuleName, on: boolean) => onChange({ ...value, rules: { ...value.rules, [name]: on } });
  const ruleErrors = errors.byField.rules;
  return (
    <>
      <TextField name="name" label={t('electionType.name')} required maxLength={200} value={value.name} onChange={(name) => onChange({ ...value, name })} errors={errors.byField.name} />
      <fieldset id={fieldId('rules')} tabIndex={-1} className="election-choices election-rules" aria-describedby={[`${fieldId('rules')}-hint`, ruleErrors?.length ? `${fieldId('rules')}-error` : ''].filter(Boolean).join(' ')}>
        <legend>{t('electionType.rules')}</legend>
        <p id={`${fieldId('rules')}-hint`} className="hint">
          {t('electionType.aliveAlways')}
        </p>
        <ul>
          {CHOOSABLE_RULES.map((name) => {
            const id = `${fieldId('rules')}-${name}`;
            return (
              <li key={name}>
                <span className="checkbox-row">
                  <input id={id} type="checkbox" checked={value.rules[name]} onChange={(e) => setRule(name, e.target.checked)} aria-describedby={`${id}-hint`} />
                  <label htmlFor={id}>{t(`electionType.rule.${name}`)}</label>
                </span>
                <p id={`${id}-hint`} className="hint">
                  {t(`electionType.ruleHint.${name}`, { context: tenant.country })}
                </p>
                {name === 'citizenship' && value.rules.citizenship ? (
                  <fieldset className="election-scope">
                    <legend>{t('electionType.scope')}</legend>
                    {CITIZENSHIP_SCOPES.map((scope) => {
                      const scopeId = `${fieldId('rules')}-scope-${scope}`;
                      return (
                        <span key={scope} className="checkbox-row">
                          <input id={scopeId} type="radio" name="citizenship-scope" value={scope} checked={value.scope === scope} onChange={() => onChange({ ...value, scope })} />
                          <label htmlFor={scopeId}>{t(`electionType.scopes.${scope}`, { context: tenant.country })}</label>
                        </span>
                      );
                    })}
                  </fieldset>
                ) : null}
              </li>
            );
          })}
        </ul>
        {ruleErrors?.length ? (
          <p id={`${fieldId('rules')}-error`} className="field-error">
            {ruleErrors.join(' ')}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}

const noRules = (): Record<RuleName, boolean> => ({ age18: false, resident: false, citizenship: false, notDisenfranchised: false });

export function ElectionTypePage() {
  const { t } = useTranslation('election');
  return (
    <ConfigEditor
      kind="election-types"
      empty={{ name: '', rules: { ...noRules(), age18: true }, scope: 'national' }}
      fromRow={(x: ElectionType) => {
        const citizenship = x.rules.find((r) => r.rule === 'citizenship');
        return { name: x.name, rules: { ...noRules(), ...Object.fromEntries(x.rules.map((r) => [r.rule, true])) }, scope: citizenship && 'scope' in citizenship ? citizenship.scope : 'national' };
      }}
      toBody={(v) => ({
        name: v.name.trim(),
        rules: CHOOSABLE_RULES.filter((name) => v.rules[name]).map((name): ElectionTypeRule => (name === 'citizenship' ? { rule: name, scope: v.scope } : { rule: name })),
      })}
      nameOf={(v) => v.name}
      labelOf={(f) => (f === 'name' ? t('electionType.name') : f === 'rules' ? t('electionType.rules') : f)}
      // `/rules/2/scope`: the rule at that place in the list sent, named by its words.
      detailLabel={([, index, part]) => (part === 'scope' ? t('electionType.scope') : index !== undefined ? t('electionType.ruleNumber', { number: Number(index) + 1 }) : undefined)}
      Fields={ElectionTypeFields}
    />
  );
}
