// What the elections' pages share: dates shown as calendar days, the setup's state in words, a date input with
// its label, hint and errors (the configuration's fields have no date input), the field errors a refusal names
// at a nested pointer (`/templates/invitation`), and the one-time message a page leaves for the next one.
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ProblemError } from '../../../../../forms/ui/problem';
import { codedText } from '../../../pages/flows/coded-text';
import { fieldId } from '../config/fields';
import type { SetupStep } from './api';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day (`2027-06-06`) in the page's language. Read as UTC midnight and shown in UTC, so the day is the
 * same whatever the browser's time zone.
 */
export function formatDay(day: string, locale: string): string {
  let format = dayFormats.get(locale);
  if (!format) dayFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** "1 Jun 2027 – 8 Jun 2027", or the words for dates not set yet. */
export function useTaskDates(): (first: string | null, last: string | null) => string {
  const { t, i18n } = useTranslation('election');
  return (first, last) => (first && last ? t('elections.dateRange', { from: formatDay(first, i18n.language), to: formatDay(last, i18n.language) }) : t('elections.list.noTaskDates'));
}

/** The setup's state in words: done, or which step is missing. */
export function useSetupState(): (step: SetupStep) => string {
  const { t } = useTranslation('election');
  return (step) => t(`elections.setupState.${step}`);
}

/** A day plus or minus some days, as `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The refusal's errors at one pointer exactly (`/templates/invitation`), in the page's language. */
export function useErrorsAt(error: unknown): (pointer: string) => string[] {
  const { t, i18n } = useTranslation();
  const errors = error instanceof ProblemError ? (error.problem.errors ?? []) : [];
  return (pointer) => errors.filter((e) => e.field === pointer).map((e) => codedText(t, i18n, e, e.message));
}

export function describedBy(name: string, hint: unknown, errors?: string[]): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', errors?.length ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldMessages({ name, hint, errors }: { name: string; hint?: string; errors?: string[] }) {
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

/** A date input (`YYYY-MM-DD`) with its label, hint and errors. */
export function DateField({ name, label, value, onChange, hint, errors, required }: { name: string; label: string; value: string; onChange: (v: string) => void; hint?: string; errors?: string[]; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={fieldId(name)}>
        {label}
        {required ? <span className="required"> ({t('required')})</span> : null}
      </label>
      <input
        id={fieldId(name)}
        name={name}
        type="date"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
      />
      <FieldMessages name={name} hint={hint} errors={errors} />
    </div>
  );
}

/** What a page said before it sent the browser here ("The election has been created"), read once. */
export interface ElectionFlash {
  flash?: string;
}

export function useFlash(): string {
  const location = useLocation();
  return (location.state as ElectionFlash | null)?.flash ?? '';
}
