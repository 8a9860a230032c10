// A rule's condition: a builder for the common case (one value compared with another) and raw JSON Logic for
// anything else. The server checks the operators when the draft is saved.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const OPERATORS = ['==', '!=', '>=', '<=', '>', '<'] as const;

type Simple = { variable: string; op: (typeof OPERATORS)[number]; value: string };

function asSimple(logic: unknown): Simple | undefined {
  if (!logic || typeof logic !== 'object') return undefined;
  const [op] = Object.keys(logic);
  const args = (logic as Record<string, unknown[]>)[op!];
  if (!OPERATORS.includes(op as never) || !Array.isArray(args) || args.length !== 2) return undefined;
  const v = args[0] as { var?: string };
  if (!v || typeof v.var !== 'string' || (typeof args[1] === 'object' && args[1] !== null)) return undefined;
  return { variable: v.var, op: op as Simple['op'], value: JSON.stringify(args[1]) };
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function ConditionEditor(props: { id: string; logic: unknown; variables: string[]; onChange: (logic: unknown) => void }) {
  const { t } = useTranslation();
  const simple = asSimple(props.logic);
  const [raw, setRaw] = useState(props.logic === undefined || simple ? undefined : JSON.stringify(props.logic, null, 2));
  const [rawError, setRawError] = useState<string | undefined>();
  if (raw !== undefined) {
    return (
      <div className="condition">
        <label htmlFor={`${props.id}-raw`}>{t('flows.condition.raw')}</label>
        <textarea
          id={`${props.id}-raw`}
          rows={4}
          value={raw}
          aria-invalid={rawError ? true : undefined}
          aria-describedby={rawError ? `${props.id}-raw-error` : undefined}
          onChange={(e) => {
            setRaw(e.target.value);
            try {
              props.onChange(e.target.value.trim() ? JSON.parse(e.target.value) : undefined);
              setRawError(undefined);
            } catch (err) {
              setRawError(String(err));
            }
          }}
        />
        {rawError ? <p id={`${props.id}-raw-error`} className="field-error">{rawError}</p> : null}
      </div>
    );
  }
  const current = simple ?? { variable: '', op: '==' as const, value: '' };
  const emit = (next: Simple) => props.onChange(next.variable ? { [next.op]: [{ var: next.variable }, parseValue(next.value)] } : undefined);
  return (
    <fieldset className="condition">
      <legend>{t('flows.condition.legend')}</legend>
      <label htmlFor={`${props.id}-var`}>{t('flows.condition.variable')}</label>
      <input id={`${props.id}-var`} list={`${props.id}-vars`} value={current.variable} onChange={(e) => emit({ ...current, variable: e.target.value })} />
      <datalist id={`${props.id}-vars`}>
        {props.variables.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <label htmlFor={`${props.id}-op`}>{t('flows.condition.operator')}</label>
      <select id={`${props.id}-op`} value={current.op} onChange={(e) => emit({ ...current, op: e.target.value as Simple['op'] })}>
        {OPERATORS.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <label htmlFor={`${props.id}-value`}>{t('flows.condition.value')}</label>
      <input id={`${props.id}-value`} value={current.value} onChange={(e) => emit({ ...current, value: e.target.value })} />
      <button type="button" className="button-small button-secondary" onClick={() => setRaw(JSON.stringify(props.logic ?? {}, null, 2))}>
        {t('flows.condition.useRaw')}
      </button>
    </fieldset>
  );
}
