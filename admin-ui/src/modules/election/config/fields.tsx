// The configuration forms' inputs: each with its label, an optional hint and its errors from the server's
// problem+json (the codes translated, `codes.*` in the site's texts), tied to the input with aria-describedby
// and aria-invalid; and the error summary at the top of a form, whose lines link to the inputs they name.
import { forwardRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError, problemText } from '../../../../../forms/ui/problem';
import { codedText } from '../../../pages/flows/coded-text';

/** A form's errors from a refusal: per top-level field (`/name` → name), and those naming no field. */
export interface FieldErrors {
  byField: Record<string, string[]>;
  general: string[];
  /** Codes the refusal carries (`election.inUse`, `schema.required` …). */
  codes: string[];
}

export const NO_ERRORS: FieldErrors = { byField: {}, general: [], codes: [] };

/** The refusal's field errors in the page's language; a deeper pointer (`/rules/1/scope`) counts for its top field. */
export function useFieldErrors(error: unknown, detailLabel?: (pointer: string[]) => string | undefined): FieldErrors {
  const { t, i18n } = useTranslation();
  if (!(error instanceof ProblemError)) return NO_ERRORS;
  const out: FieldErrors = { byField: {}, general: [], codes: [] };
  for (const e of error.problem.errors ?? []) {
    if (e.code) out.codes.push(e.code);
    const text = codedText(t, i18n, e, e.message);
    const parts = e.field.split('/').slice(1).filter(Boolean);
    const top = parts[0];
    if (!top) {
      out.general.push(capitalized(text, i18n.language));
      continue;
    }
    const detail = parts.length > 1 ? detailLabel?.(parts) : undefined;
    (out.byField[top] ??= []).push(detail ? `${detail}: ${text}` : text);
  }
  return out;
}

const capitalized = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

export const fieldId = (name: string) => `election-field-${name}`;

interface SummaryProps {
  error: unknown;
  errors: FieldErrors;
  /** The sentence above the lines ("The task type could not be saved"); without field errors, the problem's own. */
  title: string;
  /** A field's label by its name. */
  labelOf: (name: string) => string;
  /** Replaces the general lines (the page's own words for a refusal it knows). */
  generalText?: string;
}

/** The alert above a form after a refusal: what failed, then each field error as a link to its input. */
export const ErrorSummary = forwardRef<HTMLDivElement, SummaryProps>(function ErrorSummary({ error, errors, title, labelOf, generalText }, ref) {
  const { t } = useTranslation();
  const fields = Object.entries(errors.byField);
  const general = generalText ? [generalText] : errors.general;
  const coded = fields.length > 0 || general.length > 0;
  return (
    <div ref={ref} tabIndex={-1} className="notice notice-error election-error-summary" role="alert">
      <p>{coded ? title : problemText(t, error)}</p>
      {coded ? (
        <ul>
          {general.map((line, i) => (
            <li key={`g${i}`}>{line}</li>
          ))}
          {fields.flatMap(([name, lines]) =>
            lines.map((line, i) => (
              <li key={`${name}${i}`}>
                <a href={`#${fieldId(name)}`}>
                  {labelOf(name)}: {line}
                </a>
              </li>
            )),
          )}
        </ul>
      ) : null}
    </div>
  );
});

interface Common {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
}

function describedBy(name: string, hint: unknown, errors?: string[]): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', errors?.length ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Label({ name, label, required }: Common) {
  const { t } = useTranslation();
  return (
    <label htmlFor={fieldId(name)}>
      {label}
      {required ? <span className="required"> ({t('required')})</span> : null}
    </label>
  );
}

function HintAndErrors({ name, hint, errors }: Common) {
  return (
    <>
      {hint ? (
        <p id={`${fieldId(name)}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${fieldId(name)}-error`} className="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
    </>
  );
}

export function TextField(props: Common & { value: string; onChange: (v: string) => void; maxLength: number; type?: 'text' | 'time' | 'number' | 'email' | 'tel'; inputMode?: 'decimal' | 'numeric'; step?: string; min?: string; autoComplete?: string }) {
  const { name, value, onChange, maxLength, type = 'text', required, errors, hint, inputMode, step, min, autoComplete } = props;
  return (
    <div className="field">
      <Label {...props} />
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={type === 'text' || type === 'email' || type === 'tel' ? maxLength : undefined}
        required={required}
        inputMode={inputMode}
        step={step}
        min={min}
        autoComplete={autoComplete ?? 'off'}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
      />
      <HintAndErrors {...props} />
    </div>
  );
}

export function TextAreaField(props: Common & { value: string; onChange: (v: string) => void; maxLength: number; rows?: number; lang?: string }) {
  const { name, value, onChange, maxLength, rows = 4, required, errors, hint, lang } = props;
  return (
    <div className="field">
      <Label {...props} />
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        value={value}
        lang={lang}
        onChange={(e) => onChange(e.target.value)}
        maxLength={maxLength}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
      />
      <HintAndErrors {...props} />
    </div>
  );
}

export function SelectField(props: Common & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; placeholder?: string }) {
  const { name, value, onChange, options, placeholder, required, errors, hint } = props;
  return (
    <div className="field">
      <Label {...props} />
      <select
        id={fieldId(name)}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <HintAndErrors {...props} />
    </div>
  );
}

export function CheckboxField(props: Common & { checked: boolean; onChange: (v: boolean) => void }) {
  const { name, label, checked, onChange, errors, hint } = props;
  return (
    <div className="field election-checkbox-field">
      <span className="checkbox-row">
        <input
          id={fieldId(name)}
          name={name}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(name, hint, errors)}
        />
        <label htmlFor={fieldId(name)}>{label}</label>
      </span>
      <HintAndErrors {...props} />
    </div>
  );
}

/** Several choices of a list (a work location's task types and teams): a group of checkboxes with its legend. */
export function CheckboxGroup(props: Common & { values: string[]; onChange: (v: string[]) => void; options: { value: string; label: string }[]; emptyText: ReactNode }) {
  const { name, label, values, onChange, options, errors, hint, emptyText } = props;
  const toggle = (v: string, on: boolean) => onChange(on ? [...values.filter((x) => x !== v), v] : values.filter((x) => x !== v));
  return (
    <fieldset id={fieldId(name)} className="election-choices" tabIndex={-1} aria-describedby={describedBy(name, hint, errors)}>
      <legend>{label}</legend>
      {options.length === 0 ? (
        <p className="hint">{emptyText}</p>
      ) : (
        <ul>
          {options.map((o) => {
            const id = `${fieldId(name)}-${o.value}`;
            return (
              <li key={o.value} className="checkbox-row">
                <input id={id} type="checkbox" checked={values.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} aria-invalid={errors?.length ? true : undefined} />
                <label htmlFor={id}>{o.label}</label>
              </li>
            );
          })}
        </ul>
      )}
      <HintAndErrors {...props} />
    </fieldset>
  );
}

/** "2,5 MB", "812 kB", "96 B" in the page's language. */
export function fileSize(bytes: number, locale: string): string {
  const number = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${number(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${number(bytes / 1024)} kB`;
  return `${bytes} B`;
}
