// What the petition's flow is told, through the one gateway (engine/flows/gateway.ts), inside the command's
// own transaction: the flow starts when a proposal is made, and hears of each step a person takes (the e-mail
// confirmed, a moderation decision, a resubmission, the municipality's posts). Threshold crossings are told
// by thresholds.ts; single votes never are.
import type { Transaction } from 'sequelize';
import type { CommandContext } from '../../audit/record';
import type { Database } from '../../db/database';
import { flowGateway } from '../../flows/gateway';
import { createInstanceRow } from '../../flows/instance-store';
import { PETITION_SUBJECT, select } from './db';

/** The built-in petition flow's key (builtin/petition.flow.json); a tenant's own copy keeps it. */
export const PETITION_FLOW_KEY = 'petition';

/** What the commands tell the flow (the names its rules wait for); thresholds add `petition.threshold<N>Reached`. */
export const PETITION_FLOW_EVENTS = [
  'petition.confirmed',
  'petition.approved',
  'petition.rejected',
  'petition.returned',
  'petition.resubmitted',
  'petition.handlingStarted',
  'petition.updatePosted',
  'petition.answered',
] as const;
export type PetitionFlowEvent = (typeof PETITION_FLOW_EVENTS)[number];

/** Starts the tenant's published petition flow for a new proposal; none published (a test's bare tenant) starts nothing. */
export async function startPetitionFlow(db: Database, tx: Transaction, ctx: CommandContext, petitionId: string): Promise<{ instanceId: string } | undefined> {
  const [flow] = await select<{ id: string; latest_version: number }>(db, tx, 'SELECT id, latest_version FROM flow_definitions WHERE key = $1 AND latest_version > 0', [PETITION_FLOW_KEY]);
  if (!flow) return undefined;
  const instance = await createInstanceRow(db, tx, ctx, { definitionId: flow.id, version: flow.latest_version, subjectType: PETITION_SUBJECT, subjectId: petitionId });
  await flowGateway.start(db, tx, ctx.tenantId, { instanceId: instance.id });
  return { instanceId: instance.id };
}

export function tellPetitionFlow(db: Database, tx: Transaction, tenantId: string, petitionId: string, event: PetitionFlowEvent): Promise<number> {
  return flowGateway.signal(db, tx, tenantId, { subjectType: PETITION_SUBJECT, subjectId: petitionId, event });
}
