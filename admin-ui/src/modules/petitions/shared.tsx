// What the petitions' pages share: a status as a badge in words, the time a proposal has waited in words, the
// proposal's answers by their labels, and a refused request in the page's language (the problem's code and
// each `petition.*` field code translated, codes.petition.* in the site's texts — never the server's English).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../../../forms/ui/problem';
import { ProblemAlert } from '../../components/QueryState';
import { codedText } from '../../pages/flows/coded-text';
import type { PetitionStatus } from './api';

export function StatusBadge({ status }: { status: PetitionStatus }) {
  const { t } = useTranslation('petitions');
  return <span className={`petition-status petition-status-${status}`}>{t(`status.${status}`)}</span>;
}

/** "3 dage", "5 timer", "12 minutter": the largest whole unit of a duration, in the page's language. */
export function durationWords(t: TFunction, seconds: number): string {
  if (seconds >= 86_400) return t('duration.days', { count: Math.floor(seconds / 86_400) });
  if (seconds >= 3_600) return t('duration.hours', { count: Math.floor(seconds / 3_600) });
  if (seconds >= 60) return t('duration.minutes', { count: Math.floor(seconds / 60) });
  return t('duration.lessThanMinute');
}

/** The petition form's answers that are the proposal (the proposer's name and e-mail never reach these pages' texts). */
const KNOWN_ANSWERS = ['title', 'proposal', 'background', 'summary'];
const HIDDEN_ANSWERS = new Set(['proposerName', 'proposerEmail']);

/** The proposal's text answers, known ones first in the form's order, each with its label. */
export function textAnswers(content: Record<string, unknown>): [string, string][] {
  const entries = Object.entries(content).filter((e): e is [string, string] => typeof e[1] === 'string' && !HIDDEN_ANSWERS.has(e[0]));
  const rank = (k: string) => (KNOWN_ANSWERS.includes(k) ? KNOWN_ANSWERS.indexOf(k) : KNOWN_ANSWERS.length);
  return entries.sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** An answer's label: the built-in form's names in words, another form's answer by its own name. */
export function useAnswerLabel(): (name: string) => string {
  const { t } = useTranslation('petitions');
  return (name) => (KNOWN_ANSWERS.includes(name) ? t(`answers.${name}`) : name);
}

/** A refused or failed request as an alert: the problem in words, then each petition code it names in words. */
export function PetitionProblem({ error, fieldLabel }: { error: unknown; fieldLabel?: (field: string) => string | undefined }) {
  const { t, i18n } = useTranslation();
  const errors = error instanceof ProblemError ? (error.problem.errors ?? []) : [];
  const lines = errors.map((e) => {
    const text = codedText(t, i18n, e, e.message);
    const name = e.field.replace(/^\//, '');
    const label = name ? (fieldLabel?.(name) ?? name) : undefined;
    return label ? `${label}: ${text}` : text.charAt(0).toLocaleUpperCase(i18n.language) + text.slice(1);
  });
  return <ProblemAlert error={error} lines={lines} />;
}
