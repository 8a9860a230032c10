// One submission as its sender reads it (schemas/eservices/my-submission.schema.json): each question's label
// and answer in every language the form offers, so the page shows the person's language without asking again.
import { answerLabeller, type AnswerLocale } from '../../../forms/answer-labels';
import type { MySubmissionDetail } from '../../../schemas/types/eservices-my-submission';
import type { MySubmissionRow } from './my-submission-query';

const LOCALES: AnswerLocale[] = ['da', 'sv', 'en'];

export function presentMySubmission(row: MySubmissionRow): MySubmissionDetail {
  const offered = LOCALES.filter((l) => row.definition.translations?.[l]);
  const labellers = new Map(offered.map((l) => [l, answerLabeller(row.definition, l)] as const));
  const answers = row.answers ?? {};
  const alwaysAsked = new Set(Object.keys((row.definition.schema as { properties?: object } | undefined)?.properties ?? {}));
  const keys = answerLabeller(row.definition, offered[0] ?? 'en').fields.map((f) => f.key);
  // A question shown only under a condition that did not hold was never asked: left out.
  const asked = keys.filter((k) => k in answers || alwaysAsked.has(k));
  const perLocale = (text: (l: AnswerLocale) => string) => Object.fromEntries(offered.map((l) => [l, text(l)]));
  return {
    id: row.id,
    formId: row.formId,
    formTitle: (row.definition.title ?? {}) as Record<string, string>,
    version: row.version,
    reference: row.reference,
    submittedAt: new Date(row.submittedAt).toISOString(),
    status: row.status,
    statusLabel: row.statusLabel,
    endedAt: row.endedAt ? new Date(row.endedAt).toISOString() : null,
    erased: row.answers === null,
    questions: row.answers === null ? [] : asked.map((key) => ({ key, label: perLocale((l) => labellers.get(l)!.label(key)), answer: perLocale((l) => labellers.get(l)!.value(key, answers[key])) })),
  };
}
