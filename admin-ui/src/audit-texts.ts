// An audit row in the administrator's language: the action in words (`auditActions.<action>`, every action the
// platform and the modules write — test/integration/audit-action-texts.test.ts) and the summary as
// "key: value" pairs, known keys in words. The summary is never shown as JSON: an administrator reads it, a
// machine reads the API.
import type { TFunction } from 'i18next';
import { formatDateTime } from './dates';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

export function auditActionText(t: TFunction, action: string): string {
  return t(`auditActions.${action}`, { defaultValue: action });
}

/** What a row is about (`auditEntities.<type>`: tenant, form, flowInstance, …). */
export function auditEntityText(t: TFunction, entityType: string): string {
  return t(`auditEntities.${entityType}`, { defaultValue: entityType });
}

/** Every action with a text, in words and sorted by them (for the audit log's action filter). */
export function auditActionOptions(t: TFunction): { action: string; text: string }[] {
  const areas = t('auditActions', { returnObjects: true }) as unknown;
  if (!areas || typeof areas !== 'object') return [];
  return Object.entries(areas as Record<string, Record<string, string>>)
    .flatMap(([area, verbs]) => Object.entries(verbs).map(([verb, text]) => ({ action: `${area}.${verb}`, text })))
    .sort((a, b) => a.text.localeCompare(b.text));
}

function valueText(t: TFunction, value: unknown, locale: string): string {
  if (value === null || value === undefined || value === '') return t('auditSummary.none');
  if (typeof value === 'boolean') return t(value ? 'auditSummary.yes' : 'auditSummary.no');
  if (typeof value === 'string') return ISO_DATE.test(value) ? formatDateTime(value, locale) : value;
  if (typeof value === 'number') return value.toLocaleString(locale);
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(t, v, locale)).join(', ') : t('auditSummary.none');
  // A nested object: its pairs in parentheses, still words and values, never braces.
  return `(${summaryPairs(t, value as Record<string, unknown>, locale).map(([k, v]) => `${k}: ${v}`).join('; ')})`;
}

/** The summary's pairs, each key in words when known (`auditSummary.keys.<key>`). */
export function summaryPairs(t: TFunction, summary: Record<string, unknown> | null | undefined, locale: string): [string, string][] {
  return Object.entries(summary ?? {}).map(([key, value]) => [t(`auditSummary.keys.${key}`, { defaultValue: key }), valueText(t, value, locale)]);
}
