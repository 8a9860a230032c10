// A petition form's answers, taken apart: the proposer's name and e-mail (personal, sealed) and the proposal
// (public once published), with the title and summary the lists and the search use. A petition form asks the
// proposer's name and e-mail as `proposerName` and `proposerEmail` (the built-in form does).
import { fieldError } from '../../../forms/validation';
import { ValidationError } from '../../errors';
import type { PetitionContent } from './db';
import type { Proposer } from './proposer';

export const PROPOSER_NAME = 'proposerName';
export const PROPOSER_EMAIL = 'proposerEmail';

const SUMMARY_LENGTH = 300;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The proposal and its proposer; a form that does not ask for both is refused naming the missing field. */
export function splitAnswers(answers: Record<string, unknown>): { content: PetitionContent; proposer: Proposer } {
  const { [PROPOSER_NAME]: name, [PROPOSER_EMAIL]: email, ...content } = answers;
  const missing = [[PROPOSER_NAME, name] as const, [PROPOSER_EMAIL, email] as const].filter(([, v]) => !text(v));
  if (missing.length) throw new ValidationError(missing.map(([field]) => fieldError(`/${field}`, 'schema.required', { missingProperty: field }, `must have required property '${field}'`)));
  return { content, proposer: { name: text(name)!, email: text(email)! } };
}

/** The title (the `title` answer) and a summary (the `summary` or else the `proposal` answer, shortened). */
export function listingOf(content: PetitionContent): { title: string; summary: string } {
  const title = text(content.title);
  if (!title) throw new ValidationError([fieldError('/title', 'schema.required', { missingProperty: 'title' }, "must have required property 'title'")]);
  const body = (text(content.summary) ?? text(content.proposal) ?? '').replace(/\s+/g, ' ');
  return { title: title.slice(0, 200), summary: body.length > SUMMARY_LENGTH ? `${body.slice(0, SUMMARY_LENGTH - 1).trimEnd()}…` : body };
}
