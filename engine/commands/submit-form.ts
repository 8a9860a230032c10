// The single path every module uses to accept a filled form: checked against the published version it was
// filled in, sealed with the tenant's key, stored with that version, audited (ids and counts only).
import { QueryTypes } from 'sequelize';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import { ConflictError, NotFoundError } from '../errors';
import type { CommandContext } from '../audit/record';
import { assertValidAnswers } from '../forms/answers';
import { storeSubmission } from '../forms/store-submission';
import { authorize } from '../policies';
import { selfSubmittedFormKinds } from '../modules/builtins';
import { isUuid, shortReference } from '../ids';
import type { Transaction } from 'sequelize';
import { createInstanceRow } from '../flows/instance-store';
import { flowGateway } from '../flows/gateway';
import type { StartedInstance } from '../flows/workflows';

/**
 * The attached flow's latest version gets an instance row in the submission's transaction, and the flow outbox a
 * row saying to start its workflow: the dispatcher delivers it once this commits, whether or not Temporal is up.
 */
async function startAttachedFlow(db: Database, tx: Transaction, ctx: CommandContext, formId: string, submissionId: string): Promise<{ flow?: StartedInstance }> {
  const [flow] = await db.sequelize.query<{ id: string; key: string; module: string; latest_version: number }>(
    'SELECT d.id, d.key, d.module, d.latest_version FROM form_definitions f JOIN flow_definitions d ON d.id = f.flow_definition_id WHERE f.id = $1 AND d.latest_version > 0',
    { bind: [formId], type: QueryTypes.SELECT, transaction: tx },
  );
  if (!flow) return {};
  const instance = await createInstanceRow(db, tx, ctx, { definitionId: flow.id, version: flow.latest_version, subjectType: 'formSubmission', subjectId: submissionId });
  await flowGateway.start(db, tx, ctx.tenantId, { instanceId: instance.id });
  return { flow: { instanceId: instance.id, flowKey: flow.key, module: flow.module, version: flow.latest_version, status: instance.status } };
}

export interface SubmitResult {
  id: string;
  version: number;
  /** A short reference for the receipt (not secret: the submission id's first characters). */
  reference: string;
  /** The flow instance the submission started, when the form has a flow attached; the outbox starts its workflow. */
  flow?: StartedInstance;
}

export async function submitForm(deps: { db: Database; keyring: Keyring }, ctx: CommandContext, definitionId: string, version: number, answers: unknown): Promise<SubmitResult> {
  authorize(ctx.actor, 'forms.submit', { tenantId: ctx.tenantId });
  const { db, keyring } = deps;
  if (!isUuid(definitionId) || !Number.isInteger(version) || version < 1) throw new NotFoundError();
  return db.withTenant(ctx.tenantId, async (tx) => {
    const [published] = await db.sequelize.query<{ definition: { schema: object; kind: string }; content_hash: string }>('SELECT definition, content_hash FROM form_versions WHERE definition_id = $1 AND version = $2', {
      bind: [definitionId, version],
      type: QueryTypes.SELECT,
      transaction: tx,
    });
    if (!published) throw new NotFoundError();
    // A module's own form (the kinds modules declare self-submitted) is answered through that module's route.
    if (selfSubmittedFormKinds().includes(published.definition.kind)) throw new ConflictError('This form is sent through its own service, not as a form submission.');
    const valid = assertValidAnswers(published.content_hash, published.definition.schema, answers);
    const id = await storeSubmission(db, keyring, tx, ctx, { definitionId, version, kind: published.definition.kind }, valid);
    return { id, version, reference: shortReference(id), ...(await startAttachedFlow(db, tx, ctx, definitionId, id)) };
  });
}
