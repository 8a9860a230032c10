// A refused request as the pages see it: the server's problem+json (RFC 9457), its field errors keyed for a
// form, and its text in the page's language. The server's `title` is English; pages show the translation of
// its stable `code` (`problems.<code>` in each app's locale files) instead, or a general sentence.
import type { TFunction } from 'i18next';
import type { Problem } from '../../schemas/types/api-problem';

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
    this.name = 'ProblemError';
  }

  /** Field errors keyed by top-level property name (`/email` → `email`). */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.field.split('/')[1] ?? '', e.message]));
  }
}

export function isProblem(error: unknown, code: string): error is ProblemError {
  return error instanceof ProblemError && error.problem.code === code;
}

/** The sentence for an error in the page's language: the problem's code translated, else the general one. */
export function problemText(t: TFunction, error: unknown): string {
  const general = t('problems.general');
  if (!(error instanceof ProblemError)) return general;
  return t(`problems.${error.problem.code}`, { defaultValue: general });
}

/** "field: message" for each field a validation problem names (the messages come from the server). */
export function fieldErrorLines(error: unknown): string[] {
  return error instanceof ProblemError ? (error.problem.errors ?? []).map((e) => `${e.field}: ${e.message}`) : [];
}

/** One line for a status message: the translated sentence, then the fields the problem names. */
export function problemSummary(t: TFunction, error: unknown): string {
  const fields = fieldErrorLines(error);
  return fields.length ? `${problemText(t, error)} ${fields.join('; ')}` : problemText(t, error);
}
