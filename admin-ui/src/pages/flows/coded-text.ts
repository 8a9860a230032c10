// What the server sends as stable codes with params — field errors (Ajv's `schema.<keyword>`, publish problems
// `form.*` and `flow.*`), the preview's warnings and scenario names (`preview.*`) — in the page's language:
// `codes.<code>` in the locale files, filled with the params. The server's English `message` (or `name`) is only
// the fallback for a code the locale files lack, which the console reports in development; test/integration/
// problem-codes.test.ts keeps that from happening for any code the server can send.
import type { i18n as I18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatName } from '../../../../forms/i18n/format-names';
import { ProblemError, problemText } from '../../../../forms/ui/problem';
import type { FlowNames } from './describe';

export interface Coded {
  code?: unknown;
  params?: unknown;
  message?: string;
}

/** The params that name a flow's own things, read by their labels when the flow is at hand (flowNames). */
const NAMED = ['status', 'task', 'decision', 'rule', 'deadline', 'counter'] as const;

/** Lists read as "a, b"; Ajv's `type` and `format` in words; a flow's things by their labels. */
function textParams(t: TFunction, language: string, code: string, raw: Record<string, unknown>, names?: FlowNames): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) params[k] = Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ') : v;
  if (names) for (const k of NAMED) if (typeof raw[k] === 'string') params[k] = names[k](raw[k]);
  if (code === 'schema.type') {
    params.type = String(raw.type)
      .split(',')
      .map((type) => t(`codes.schemaTypes.${type}`, { defaultValue: type }))
      .join(t('codes.schemaTypes.or'));
  }
  if (code === 'schema.format') params.format = formatName(language, raw.format) ?? `“${String(raw.format)}”`;
  if (code === 'schema.const') params.allowedValue = JSON.stringify(raw.allowedValue);
  return params;
}

export function codedText(t: TFunction, i18n: I18n, item: Coded, fallback: string, names?: FlowNames): string {
  const code = typeof item.code === 'string' ? item.code : undefined;
  if (!code) return fallback;
  const params = textParams(t, i18n.language, code, item.params && typeof item.params === 'object' ? (item.params as Record<string, unknown>) : {}, names);
  if (!i18n.exists(`codes.${code}`, params)) {
    if (import.meta.env.DEV) console.warn(`[i18n] no text for the code ${code}; showing the server's English`, item);
    return fallback;
  }
  return t(`codes.${code}`, params);
}

/** The translator for the page's language: `text(problem, problem.message)`; with a flow's names, its things by their labels. */
export function useCodedText(names?: FlowNames): (item: Coded, fallback: string) => string {
  const { t, i18n } = useTranslation();
  return (item, fallback) => codedText(t, i18n, item, fallback, names);
}

/** A refused request in one line: the problem's code translated, then each field it names with its translated error. */
export function codedProblemSummary(t: TFunction, i18n: I18n, error: unknown): string {
  const errors = error instanceof ProblemError ? (error.problem.errors ?? []) : [];
  const lines = errors.map((e) => `${e.field}: ${codedText(t, i18n, e, e.message)}`);
  return [problemText(t, error), ...(lines.length ? [lines.join('; ')] : [])].join(' ');
}
