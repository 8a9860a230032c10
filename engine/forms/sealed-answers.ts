// How a submission's answers are sealed at rest: with the tenant's submission key, bound to the tenant and the
// submission's id. Its own file because both sides need it — submitting seals (commands/submit-form.ts), the
// queries, exports and the flows' form-submission subject open — and the subject is loaded by the flow
// runtime the submission itself calls, so keeping it in submit-form.ts made an import cycle.
import { open } from '../crypto/aead';

export const SUBMISSION_KEY_PURPOSE = 'form.submission';
export const submissionAad = (tenantId: string, submissionId: string) => `${tenantId}:submission:${submissionId}`;

/** The answers of a stored submission, opened with the tenant's submission key (sealed by submitForm). */
export function openAnswers(key: Buffer, tenantId: string, submission: { id: string; answers_sealed: Buffer }): Record<string, unknown> {
  return JSON.parse(open(key, submission.answers_sealed, submissionAad(tenantId, submission.id)).toString()) as Record<string, unknown>;
}
