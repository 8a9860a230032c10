// Storing a form's checked answers: the submission sealed with the tenant's key, the person's consent when the form
// is a consent statement answered by a logged-in person (with its version), and the audit row (counts, never
// answers) — in the caller's transaction. The platform's form submission and a module that records a consent
// through its own route store them the same way.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { recordAudit, type CommandContext } from '../audit/record';
import { seal } from '../crypto/aead';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import { SUBMISSION_KEY_PURPOSE, submissionAad } from './sealed-answers';

export interface SubmittedForm {
  definitionId: string;
  version: number;
  kind: string;
}

/** Answers the new submission's id. `valid` must already be checked against the form version's schema. */
export async function storeSubmission(db: Database, keyring: Keyring, tx: Transaction, ctx: CommandContext, form: SubmittedForm, valid: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  const key = await keyring.dataKey(tx, ctx.tenantId, SUBMISSION_KEY_PURPOSE);
  await db.sequelize.query('INSERT INTO form_submissions (id, tenant_id, definition_id, version, answers_sealed, submitted_by) VALUES ($1, $2, $3, $4, $5, $6)', {
    bind: [id, ctx.tenantId, form.definitionId, form.version, seal(key, Buffer.from(JSON.stringify(valid)), submissionAad(ctx.tenantId, id)), ctx.actor.kind === 'user' ? ctx.actor.id : null],
    transaction: tx,
  });
  // A consent statement answered by a logged-in person is also that person's consent, with its version.
  if (form.kind === 'consentStatement' && ctx.actor.kind === 'user') {
    const consents = Object.fromEntries(Object.entries(valid).filter(([, v]) => typeof v === 'boolean'));
    await db.sequelize.query('INSERT INTO consent_records (tenant_id, user_id, definition_id, version, submission_id, consents) VALUES ($1, $2, $3, $4, $5, $6)', {
      bind: [ctx.tenantId, ctx.actor.id, form.definitionId, form.version, id, JSON.stringify(consents)],
      transaction: tx,
    });
  }
  await recordAudit(db, tx, ctx, { action: 'form.submitted', entityType: 'formSubmission', entityId: id, summary: { form: form.definitionId, version: form.version, answered: Object.keys(valid).length } });
  return id;
}
