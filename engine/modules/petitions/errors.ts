// The petitions' refusals: the platform's error classes (their problem codes are translated everywhere) with a
// field error whose code says exactly what (`petition.*`, texts in admin-ui/src/locales `codes.petition.*`).
import { ConflictError, ValidationError } from '../../errors';
import { fieldError, type ProblemParams } from '../../../forms/validation';

export const PETITION_PROBLEM_CODES = [
  'petition.alreadyVoted',
  'petition.notVoted',
  'petition.notOpen',
  'petition.wrongStatus',
  'petition.tokenExpired',
  'petition.tooManyProposals',
  'petition.attachmentTooLarge',
  'petition.attachmentNotPdf',
  'petition.extensionOverCap',
] as const;

export type PetitionProblemCode = (typeof PETITION_PROBLEM_CODES)[number];

/** 409: the petition is not in a state that allows this (already voted, not open, wrong status, expired link). */
export function petitionConflict(code: PetitionProblemCode, message: string, params: ProblemParams = {}, field = '/'): ConflictError {
  return new ConflictError(message, [fieldError(field, code, params, message)]);
}

/** 400 naming the field. */
export function petitionInvalid(field: string, code: PetitionProblemCode, message: string, params: ProblemParams = {}): ValidationError {
  return new ValidationError([fieldError(field, code, params, message)]);
}

export const wrongStatus = (status: string, action: string) => petitionConflict('petition.wrongStatus', `a petition that is ${status} cannot be ${action}`, { status });
