// The Temporal Web UI's remote codec, for an operator: decrypts the payloads that belong to the operator's
// tenant (every other payload comes back still sealed) and audits the access before anything is returned.
import type { Payload } from '@temporalio/common';
import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { authorize } from '../policies';
import type { AesGcmPayloadCodec } from '../temporal/codec';

export async function decodePayloads(db: Database, codec: AesGcmPayloadCodec, ctx: CommandContext, payloads: Payload[], workflowId?: string): Promise<Payload[]> {
  authorize(ctx.actor, 'payloads.decode', { tenantId: ctx.tenantId });
  const result = codec.decodeFor(payloads, ctx.tenantId);
  await db.withTenant(ctx.tenantId, (tx) =>
    recordAudit(db, tx, ctx, {
      action: 'workflowPayloads.decoded',
      entityType: 'workflow',
      ...(workflowId ? { entityId: workflowId } : {}),
      summary: { requested: payloads.length, decoded: result.decoded },
    }),
  );
  return result.payloads;
}

/** Encodes what an operator would send to a workflow from the Web UI; bound to the operator's tenant. */
export function encodePayloads(codec: AesGcmPayloadCodec, ctx: CommandContext, payloads: Payload[]): Payload[] {
  authorize(ctx.actor, 'payloads.encode', { tenantId: ctx.tenantId });
  return codec.encodeFor(payloads, ctx.tenantId);
}
