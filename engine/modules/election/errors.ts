// Election staffing's refusals: the platform's error classes (their problem codes are translated everywhere)
// with a field error whose code says exactly what (`election.*`, texts in admin-ui/src/locales `codes.election.*`).
import { ConflictError, ValidationError } from '../../errors';
import { fieldError, type ProblemParams } from '../../../forms/validation';

export const ELECTION_PROBLEM_CODES = [
  // Each area of the module adds its codes here (one line each).
  'election.nameTaken',
  'election.unknownId',
  'election.wrongFormKind',
  'election.endBeforeStart',
  'election.paymentPrecision',
  'election.fileType',
  'election.fileTooLarge',
  'election.pageTooLarge',
  'election.personalNumberInvalid',
  'election.personUnknown',
  'election.personDeceased',
  'election.participantExists',
  'election.participantHasTasks',
  'election.unknownTeam',
  'election.unknownDiet',
  'election.unknownSignupField',
  'election.unknownTaskField',
  'election.confirmationWord',
  'election.unknownParticipants',
  'election.setupIncomplete',
  'election.setupStepNotReached',
  'election.electionActive',
  'election.electionNotEmpty',
  'election.unknownElectionType',
  'election.unknownWorkLocation',
  'election.unknownTemplate',
  'election.unknownTaskType',
  'election.datesOutOfOrder',
  'election.slotsOutsideDates',
  'election.workLocationHasSlots',
  'election.under18',
  'election.notResident',
  'election.notCitizen',
  'election.disenfranchised',
  'election.deceased',
  'election.ruleRepeated',
  'election.overlap',
  'election.slotTaken',
  'election.notEligible',
  'election.rejectedBefore',
  'election.alreadyAnswered',
  'election.notInvited',
  'election.unknownScope',
  'election.inUse',
  'election.rolesUnmapped',
  'election.roleNameInvalid',
  'election.taskTypeRepeated',
  'election.slotsFilled',
  'election.slotNotMovable',
  'election.cellRepeated',
  'election.linkSlotNotVacant',
  'election.linkElectionOver',
  'election.linkDateOutside',
  'election.memberHoldsTeamTasks',
  'election.teamLinkNoElection',
  'election.lockPeriod',
  'election.taskWorked',
  'election.notYourInvitation',
  'election.invitationExpired',
  'election.groupMessageNotDraft',
  'election.groupMessageNoRecipients',
  'election.groupMessageContent',
  'election.retentionTooLong',
  'election.retentionReasonMissing',
  'election.retentionAlreadyPostponed',
  'election.retentionStarted',
  'election.retentionPostponeDate',
] as const;

export type ElectionProblemCode = (typeof ELECTION_PROBLEM_CODES)[number];

/** 409: the thing is not in a state that allows this (in use, active, not empty, a person already there). */
export function electionConflict(code: ElectionProblemCode, message: string, params: ProblemParams = {}, field = '/'): ConflictError {
  return new ConflictError(message, [fieldError(field, code, params, message)]);
}

/** 400 naming the field. */
export function electionInvalid(field: string, code: ElectionProblemCode, message: string, params: ProblemParams = {}): ValidationError {
  return new ValidationError([fieldError(field, code, params, message)]);
}
