// A group message's filter as SQL: the participants holding (invited to or accepted) a task slot of the election
// that matches every part of the filter, each once, with the earliest such slot (its merge fields: work location,
// task type, date). Every value is a bind parameter.
import type { Transaction } from 'sequelize';
import type { Database } from '../../../db/database';
import type { ElectionGroupMessageFilter } from '../../../../schemas/types/election-group-message-filter';
import { select } from '../db';

/** `SELECT DISTINCT ON (participant) participant_id, slot_id` of the filter, ordered by participant. */
export function recipientsSql(tenantId: string, electionId: string, filter: ElectionGroupMessageFilter, bind: unknown[]): string {
  const param = (value: unknown): string => {
    bind.push(value);
    return `$${bind.length}`;
  };
  const statuses = filter.statuses?.length ? filter.statuses : ['accepted', 'invited'];
  const where = [`ts.tenant_id = ${param(tenantId)}::uuid`, `ts.election_id = ${param(electionId)}::uuid`, 'ts.participant_id IS NOT NULL', `ts.state = ANY(${param(statuses)}::text[])`];
  if (filter.teamIds?.length) where.push(`ts.team_id = ANY(${param(filter.teamIds)}::uuid[])`);
  if (filter.workLocationIds?.length) where.push(`ts.work_location_id = ANY(${param(filter.workLocationIds)}::uuid[])`);
  if (filter.taskTypeIds?.length) where.push(`ts.task_type_id = ANY(${param(filter.taskTypeIds)}::uuid[])`);
  if (filter.dates?.length) where.push(`ts.task_date = ANY(${param(filter.dates)}::date[])`);
  return `SELECT DISTINCT ON (ts.participant_id) ts.participant_id, ts.id AS slot_id FROM task_slots ts WHERE ${where.join(' AND ')} ORDER BY ts.participant_id, ts.task_date, ts.id`;
}

export async function countRecipients(db: Database, tx: Transaction, tenantId: string, electionId: string, filter: ElectionGroupMessageFilter): Promise<number> {
  const bind: unknown[] = [];
  const [row] = await select<{ n: number }>(db, tx, `SELECT count(*)::int AS n FROM (${recipientsSql(tenantId, electionId, filter, bind)}) r`, bind);
  return row?.n ?? 0;
}

export async function firstRecipients(db: Database, tx: Transaction, tenantId: string, electionId: string, filter: ElectionGroupMessageFilter, limit: number): Promise<{ participant_id: string; slot_id: string }[]> {
  const bind: unknown[] = [];
  const sql = recipientsSql(tenantId, electionId, filter, bind);
  bind.push(limit);
  return select(db, tx, `${sql} LIMIT $${bind.length}`, bind);
}

/** Fixes the recipients of a group message (its send); answers how many. */
export async function insertRecipients(db: Database, tx: Transaction, tenantId: string, groupMessageId: string, electionId: string, filter: ElectionGroupMessageFilter): Promise<number> {
  const bind: unknown[] = [];
  const sql = recipientsSql(tenantId, electionId, filter, bind);
  bind.push(tenantId, groupMessageId);
  const rows = await select<{ n: number }>(
    db,
    tx,
    `WITH r AS (${sql}), ins AS (INSERT INTO group_message_recipients (tenant_id, group_message_id, participant_id, slot_id) SELECT $${bind.length - 1}::uuid, $${bind.length}::uuid, participant_id, slot_id FROM r RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    bind,
  );
  return rows[0]?.n ?? 0;
}
