// The one way commands and modules tell flows what happened: rows in the flow outbox, written inside the
// caller's transaction, so they commit with the change or not at all. Nothing here calls Temporal — the
// dispatcher (engine/flows/outbox/) delivers the rows once they are committed, whether or not Temporal was up
// when the change was made. The rows sit in plain PostgreSQL: they hold ids, event names and status keys, never
// anything about a person.
import { randomBytes } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../db/database';
import { inOneStatement, type StatementPart } from '../db/one-statement';
import { isUuid } from '../ids';
import type { OutboxKind } from './outbox/rows';

/** Same shapes as the flow definition format (schemas/flows/flow-definition-draft.schema.json). */
const EVENT_NAME = /^[a-z][A-Za-z0-9]{0,39}(\.[a-z][A-Za-z0-9]{0,39}){0,2}$/;
const SUBJECT_TYPE = /^[a-z][A-Za-z0-9]{0,39}$/;
const STATUS_KEY = /^[a-z][A-Za-z0-9-]{0,39}$/;

/**
 * Which process wrote a row. Production dispatchers deliver every tenant's rows whoever wrote them; test
 * platforms share one database but each runs its own task queue, so theirs keep to the rows their process wrote.
 */
export const THIS_PROCESS = randomBytes(8).toString('hex');

export interface SubjectRef {
  subjectType: string;
  subjectId: string;
}

/** A message for one running instance's workflow (workflows/flow/messages.ts). */
export type InstanceMessage = { kind: 'event'; event: string } | { kind: 'subjectChanged' } | { kind: 'migrate'; statusMap: Record<string, string> };

/** Written by a programming mistake (a name that is not a name), never by a person's input. */
function assertShape(ok: boolean, what: string): void {
  if (!ok) throw new Error(`flow gateway: ${what}`);
}

function payloadOf(message: InstanceMessage): Record<string, unknown> {
  switch (message.kind) {
    case 'event':
      assertShape(EVENT_NAME.test(message.event), `"${message.event.slice(0, 40)}" is not an event name`);
      return { event: message.event };
    case 'subjectChanged':
      return {};
    case 'migrate':
      for (const [from, to] of Object.entries(message.statusMap)) assertShape(STATUS_KEY.test(from) && STATUS_KEY.test(to), 'a status map holds status keys only');
      return { statusMap: message.statusMap };
  }
}

async function insertForInstance(db: Database, tx: Transaction, tenantId: string, instanceId: string, kind: OutboxKind, payload: Record<string, unknown>): Promise<void> {
  assertShape(isUuid(tenantId) && isUuid(instanceId), 'tenant and instance are uuids');
  await db.sequelize.query('INSERT INTO flow_outbox (tenant_id, instance_id, kind, payload, written_by) VALUES ($1, $2, $3, $4, $5)', {
    bind: [tenantId, instanceId, kind, JSON.stringify(payload), THIS_PROCESS],
    transaction: tx,
  });
}

/** One row per running instance of the subject; returns how many instances will be told. */
async function insertForSubject(db: Database, tx: Transaction, tenantId: string, subject: SubjectRef, kind: OutboxKind, payload: Record<string, unknown>): Promise<number> {
  assertShape(isUuid(tenantId) && isUuid(subject.subjectId) && SUBJECT_TYPE.test(subject.subjectType), 'a subject is a type name and a uuid');
  const rows = await db.sequelize.query(
    `INSERT INTO flow_outbox (tenant_id, instance_id, kind, payload, written_by)
     SELECT $1, i.id, $4, $5, $6 FROM flow_instances i WHERE i.subject_type = $2 AND i.subject_id = $3 AND i.ended_at IS NULL
     RETURNING 1`,
    { bind: [tenantId, subject.subjectType, subject.subjectId, kind, JSON.stringify(payload), THIS_PROCESS], type: QueryTypes.SELECT, transaction: tx },
  );
  return rows.length;
}

export const flowGateway = {
  /** Start the instance's workflow (its row was written in this transaction, e.g. by createInstanceRow). */
  async start(db: Database, tx: Transaction, tenantId: string, instance: { instanceId: string }): Promise<void> {
    return insertForInstance(db, tx, tenantId, instance.instanceId, 'start', {});
  },

  /** Start several instances' workflows at once (their rows written in this transaction): one row each, one INSERT. */
  async startMany(db: Database, tx: Transaction, tenantId: string, instanceIds: string[]): Promise<void> {
    if (instanceIds.length === 0) return;
    await inOneStatement(db, tx, [flowGateway.startManyPart(tenantId, instanceIds)]);
  },

  /** startMany as a part of a statement (engine/db/one-statement.ts): the instances' rows may be written beside it. */
  startManyPart(tenantId: string, instanceIds: string[]): StatementPart {
    assertShape(isUuid(tenantId) && instanceIds.every(isUuid), 'tenant and instances are uuids');
    return (p) => `INSERT INTO flow_outbox (tenant_id, instance_id, kind, payload, written_by)
       SELECT ${p.add(tenantId)}::uuid, x.id, 'start', '{}', ${p.add(THIS_PROCESS)} FROM unnest(${p.add(instanceIds)}::uuid[]) WITH ORDINALITY AS x(id, ord) ORDER BY x.ord`;
  },

  /** Signal a domain event (e.g. `vote.cast`) to every running flow instance of the subject. */
  async signal(db: Database, tx: Transaction, tenantId: string, s: SubjectRef & { event: string }): Promise<number> {
    return insertForSubject(db, tx, tenantId, s, 'event', payloadOf({ kind: 'event', event: s.event }));
  },

  /** The subject's dates or facts changed: its running flows fetch them again and recompute their timers. */
  async subjectChanged(db: Database, tx: Transaction, tenantId: string, s: SubjectRef): Promise<number> {
    return insertForSubject(db, tx, tenantId, s, 'subjectChanged', {});
  },

  /** A message for one instance, e.g. that an administrator moved it to the latest version. */
  async signalInstance(db: Database, tx: Transaction, tenantId: string, instanceId: string, message: InstanceMessage): Promise<void> {
    return insertForInstance(db, tx, tenantId, instanceId, message.kind, payloadOf(message));
  },
};
