// An administrator's group message: a draft (the election, the channels in order, the election's template of an
// event or sealed free text, the filter), then sent — one transaction fixes its recipients (the filter's
// participants at that moment, migration 0038), marks it 'sending' and writes the audit row; its workflow
// (workflows/election/group-message/) is started right after the commit and sends in batches. A start that is
// lost is made again by the module's resumer (./workflow-start.ts), so the answer is the same either way.
import type { Transaction } from 'sequelize';
import { recordAudit, type CommandContext } from '../../../audit/record';
import type { Keyring } from '../../../crypto/keyring';
import type { Database } from '../../../db/database';
import { NotFoundError } from '../../../errors';
import type { FlowTemporal } from '../../../flows/workflows';
import { foundUuid } from '../../../ids';
import { validate } from '../../../validation';
import type { ElectionGroupMessageCreate } from '../../../../schemas/types/election-group-message-create';
import type { ElectionGroupMessageStarted } from '../../../../schemas/types/election-group-message-started';
import { select } from '../db';
import { electionConflict, electionInvalid } from '../errors';
import { authorize } from '../policies';
import { sealFreeText } from './free-text';
import { insertRecipients } from './recipients';
import { startGroupMessageWorkflow } from './workflow-start';
import { startAfterRequest } from '../start-module-workflow';

type Deps = { db: Database; keyring: Keyring };

function checked(input: unknown): ElectionGroupMessageCreate {
  const body = validate<ElectionGroupMessageCreate>('election/group-message-create.schema.json', input);
  if ((body.templateEvent === undefined) === (body.free === undefined)) {
    throw electionInvalid(body.free ? '/templateEvent' : '/free', 'election.groupMessageContent', 'give either a template event or free text, not both and not neither');
  }
  return body;
}

async function checkIds(db: Database, tx: Transaction, body: ElectionGroupMessageCreate): Promise<void> {
  const [election] = await select<{ id: string }>(db, tx, 'SELECT id FROM elections WHERE id = $1', [body.electionId]);
  if (!election) throw electionInvalid('/electionId', 'election.unknownId', 'is not one of this municipality’s elections');
  const lists: [keyof NonNullable<ElectionGroupMessageCreate['filter']>, string][] = [
    ['teamIds', 'teams'],
    ['workLocationIds', 'work_locations'],
    ['taskTypeIds', 'task_types'],
  ];
  for (const [field, table] of lists) {
    const ids = (body.filter[field] ?? []) as string[];
    if (ids.length === 0) continue;
    const found = new Set((await select<{ id: string }>(db, tx, `SELECT id::text FROM ${table} WHERE id = ANY($1::uuid[])`, [ids])).map((r) => r.id));
    const missing = ids.findIndex((id) => !found.has(id.toLowerCase()));
    if (missing >= 0) throw electionInvalid(`/filter/${field}/${missing}`, 'election.unknownId', 'is not one of this municipality’s');
  }
}

const filterOf = (body: ElectionGroupMessageCreate) => ({
  ...(body.filter.teamIds?.length ? { teamIds: body.filter.teamIds.map((id) => id.toLowerCase()) } : {}),
  ...(body.filter.workLocationIds?.length ? { workLocationIds: body.filter.workLocationIds.map((id) => id.toLowerCase()) } : {}),
  ...(body.filter.taskTypeIds?.length ? { taskTypeIds: body.filter.taskTypeIds.map((id) => id.toLowerCase()) } : {}),
  ...(body.filter.dates?.length ? { dates: body.filter.dates } : {}),
  ...(body.filter.statuses?.length ? { statuses: body.filter.statuses } : {}),
});

export async function createGroupMessage(deps: Deps, ctx: CommandContext, input: unknown): Promise<{ id: string }> {
  authorize(ctx.actor, 'election.groupMessages.send', { tenantId: ctx.tenantId });
  const body = checked(input);
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    await checkIds(db, tx, body);
    const [row] = await select<{ id: string }>(db, tx, 'SELECT gen_random_uuid() AS id');
    const id = row!.id;
    const sealed = body.free ? await sealFreeText(deps.keyring, tx, ctx.tenantId, id, body.free) : null;
    await db.sequelize.query('INSERT INTO group_messages (id, tenant_id, election_id, channels, template_event, free_text_sealed, filter, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', {
      bind: [id, ctx.tenantId, body.electionId, body.channels, body.templateEvent ?? null, sealed, JSON.stringify(filterOf(body)), ctx.actor.kind === 'anonymous' ? 'anonymous' : ctx.actor.id],
      transaction: tx,
    });
    await recordAudit(db, tx, ctx, { action: 'election.groupMessageDrafted', entityType: 'electionGroupMessage', entityId: id, summary: { groupMessageId: id, electionId: body.electionId, freeText: Boolean(body.free), templateEvent: body.templateEvent ?? null } });
    return { id };
  });
}

export async function updateGroupMessage(deps: Deps, ctx: CommandContext, id: string, input: unknown): Promise<{ id: string }> {
  authorize(ctx.actor, 'election.groupMessages.send', { tenantId: ctx.tenantId });
  foundUuid(id);
  const body = checked(input);
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const [row] = await select<{ status: string }>(db, tx, 'SELECT status FROM group_messages WHERE id = $1 FOR UPDATE', [id]);
    if (!row) throw new NotFoundError();
    if (row.status !== 'draft') throw electionConflict('election.groupMessageNotDraft', 'the group message has been sent; it cannot change');
    await checkIds(db, tx, body);
    const sealed = body.free ? await sealFreeText(deps.keyring, tx, ctx.tenantId, id, body.free) : null;
    await db.sequelize.query('UPDATE group_messages SET election_id = $2, channels = $3, template_event = $4, free_text_sealed = $5, filter = $6, updated_at = now() WHERE id = $1', {
      bind: [id, body.electionId, body.channels, body.templateEvent ?? null, sealed, JSON.stringify(filterOf(body))],
      transaction: tx,
    });
    await recordAudit(db, tx, ctx, { action: 'election.groupMessageDrafted', entityType: 'electionGroupMessage', entityId: id, summary: { groupMessageId: id, electionId: body.electionId, freeText: Boolean(body.free), templateEvent: body.templateEvent ?? null } });
    return { id };
  });
}

/** Fixes the recipients and marks the message sending; the workflow is not started here (see sendGroupMessage). */
export async function requestGroupMessageSend(deps: { db: Database }, ctx: CommandContext, id: string): Promise<ElectionGroupMessageStarted> {
  authorize(ctx.actor, 'election.groupMessages.send', { tenantId: ctx.tenantId });
  foundUuid(id);
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const [row] = await select<{ status: string; election_id: string; filter: ElectionGroupMessageCreate['filter'] }>(db, tx, 'SELECT status, election_id, filter FROM group_messages WHERE id = $1 FOR UPDATE', [id]);
    if (!row) throw new NotFoundError();
    if (row.status !== 'draft') throw electionConflict('election.groupMessageNotDraft', 'the group message has been sent already');
    const total = await insertRecipients(db, tx, ctx.tenantId, id, row.election_id, row.filter);
    if (total === 0) throw electionConflict('election.groupMessageNoRecipients', 'the filter picks nobody', {}, '/filter');
    await db.sequelize.query("UPDATE group_messages SET status = 'sending', total = $2, send_requested_at = now(), updated_at = now() WHERE id = $1", { bind: [id, total], transaction: tx });
    await recordAudit(db, tx, ctx, { action: 'election.groupMessageSent', entityType: 'electionGroupMessage', entityId: id, summary: { groupMessageId: id, electionId: row.election_id, total } });
    return { id, total };
  });
}

export async function sendGroupMessage(deps: { db: Database; flows: FlowTemporal }, ctx: CommandContext, id: string): Promise<ElectionGroupMessageStarted> {
  const started = await requestGroupMessageSend(deps, ctx, id);
  await startAfterRequest(deps.flows, () => startGroupMessageWorkflow(deps.flows, ctx.tenantId, started.id));
  return started;
}
