// The one place the election tells flows what happened to a task assignment, through the flow gateway
// (engine/flows/gateway.ts), inside the command's own transaction: so the flow hears of it exactly when the change
// commits. An assignment (task_assignments, migration 0029) is the subject of its invitation flow: made on invite,
// direct registration or sign-up; its flow starts at once when the election is active, else when it is activated.
// Then: `invitation.answered` (after the slot changed — the flow re-reads the subject first, so its conditions see
// whether it was accepted), `invitation.retracted`, `task.removed`, `task.removedByValidation`, `task.cancelled`
// (the person gave it up), and subjectChanged when the task date moved. Each event is also recorded for the
// person in participant_messages (what they are to be told; the flow's sendParticipantMessage marks it sent).
// Ids and event names only.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { recordAudits, type CommandContext } from '../../audit/record';
import type { Database } from '../../db/database';
import { inOneStatement, type NumberedQuery, type Params, type StatementPart } from '../../db/one-statement';
import { flowGateway } from '../../flows/gateway';
import { createInstanceRow, instanceRowsPart, type PendingAudit, type StartingFlow } from '../../flows/instance-store';
import type { FlowDefinition } from '../../../workflows/flow/core/types';
import { execute, select } from './db';
import type { MessageEvent } from './message-events';
import { ELECTION_TASK_SUBJECT } from './flow-subject-task';
import { queueMessage } from './participant-messages';

/** The built-in invitation flow's key (builtin/invitation.flow.json); a tenant's own copy keeps it. */
export const INVITATION_FLOW_KEY = 'invitation';

/** What the commands tell the flow (the names its rules wait for). */
export const TASK_FLOW_EVENTS = ['invitation.answered', 'invitation.retracted', 'task.removed', 'task.removedByValidation', 'task.cancelled'] as const;
export type TaskFlowEvent = (typeof TASK_FLOW_EVENTS)[number];

export interface AssignmentRef {
  electionId: string;
  slotId: string;
  participantId: string;
}

/** The message the person is to be told when an assignment ends by each event (none for an answer). */
const ENDING_MESSAGE: Partial<Record<TaskFlowEvent, MessageEvent>> = {
  'invitation.retracted': 'invitationRetracted',
  'task.removed': 'removedFromTask',
  'task.removedByValidation': 'removedByValidation',
  'task.cancelled': 'cancellationConfirmed',
};

/** Starts the tenant's published invitation flow for an assignment; none published (a bare tenant) starts nothing. */
async function startAssignmentFlow(db: Database, tx: Transaction, ctx: CommandContext, assignmentId: string): Promise<string | undefined> {
  const [flow] = await select<{ id: string; latest_version: number }>(db, tx, 'SELECT id, latest_version FROM flow_definitions WHERE key = $1 AND latest_version > 0', [INVITATION_FLOW_KEY]);
  if (!flow) return undefined;
  const instance = await createInstanceRow(db, tx, ctx, { definitionId: flow.id, version: flow.latest_version, subjectType: ELECTION_TASK_SUBJECT, subjectId: assignmentId });
  await flowGateway.start(db, tx, ctx.tenantId, { instanceId: instance.id });
  await execute(db, tx, 'UPDATE task_assignments SET started_at = clock_timestamp() WHERE id = $1', [assignmentId]);
  return instance.id;
}

/**
 * A person was put on a slot (invited, registered directly, signed up): the assignment is made, and its flow
 * started now when the election is active — the flow sends the invitation or the confirmation itself.
 */
export async function taskAssigned(db: Database, tx: Transaction, ctx: CommandContext, ref: AssignmentRef, event: 'invitation' | 'registrationConfirmed'): Promise<{ assignmentId: string; instanceId?: string }> {
  const audits: PendingAudit[] = [];
  const [made] = await tasksAssigned(db, tx, [{ ctx, ref }], event, audits);
  await recordAudits(db, tx, audits);
  return made!;
}

/** What starting assignments needs to know: the tenant's published invitation flow (if any) and which elections are active. */
export interface AssignmentFacts {
  flow?: StartingFlow;
  active: Set<string>;
}

export interface AssignmentFactsRow {
  id: string | null;
  version: number | null;
  definition: FlowDefinition | null;
  active: string[] | null;
}

/** The published flow (with its definition) and which of the elections are active, in one read. */
export async function assignmentFacts(db: Database, tx: Transaction, electionIds: string[]): Promise<AssignmentFacts> {
  const q = assignmentFactsQuery(electionIds);
  const [row] = await select<AssignmentFactsRow>(db, tx, q.sql, q.bind);
  return assignmentFactsOf(row);
}

/** assignmentFacts's SELECT (its columns JSON-safe, for readsInOneStatement); assignmentFactsOf reads its row. */
export function assignmentFactsQuery(electionIds: string[]): NumberedQuery {
  return {
    sql: `SELECT d.id, d.latest_version AS version, v.definition, (SELECT array_agg(e.id) FROM elections e WHERE e.id = ANY($2::uuid[]) AND e.active) AS active
       FROM (SELECT 1) one LEFT JOIN flow_definitions d ON d.key = $1 AND d.latest_version > 0 LEFT JOIN flow_versions v ON v.definition_id = d.id AND v.version = d.latest_version`,
    bind: [INVITATION_FLOW_KEY, [...new Set(electionIds)]],
  };
}

export function assignmentFactsOf(row: AssignmentFactsRow | undefined): AssignmentFacts {
  const active = new Set(row?.active ?? []);
  const flow = row?.id && row.version && row.definition ? { definitionId: row.id, version: row.version, definition: row.definition, subjectType: ELECTION_TASK_SUBJECT } : undefined;
  return { flow, active };
}

/**
 * taskAssigned for several people of one tenant at once (a group commit of sign-ups), each with the context of
 * its own request: the same rows — messages, assignments, flow instances, outbox rows, audit rows — in two
 * statements instead of a dozen round trips each. Each slot appears once. The audit rows go into `audits` for
 * the caller to write with its own. Answers each item's assignment and, when its flow started, its instance.
 */
export async function tasksAssigned(
  db: Database,
  tx: Transaction,
  items: { ctx: CommandContext; ref: AssignmentRef }[],
  event: 'invitation' | 'registrationConfirmed',
  audits: PendingAudit[],
): Promise<{ assignmentId: string; instanceId?: string }[]> {
  if (items.length === 0) return [];
  const facts = await assignmentFacts(db, tx, items.map((i) => i.ref.electionId));
  const { made, parts } = tasksAssignedParts(items, event, facts, audits);
  await inOneStatement(db, tx, parts);
  return made;
}

/**
 * tasksAssigned's writes as parts of a statement (engine/db/one-statement.ts), with the ids made here: a caller
 * may write them beside its own (the sign-up batch: with the contact details, the audit rows and the receipts).
 */
export function tasksAssignedParts(
  items: { ctx: CommandContext; ref: AssignmentRef }[],
  event: 'invitation' | 'registrationConfirmed',
  facts: AssignmentFacts,
  audits: PendingAudit[],
): { made: { assignmentId: string; instanceId?: string }[]; parts: StatementPart[] } {
  if (items.length === 0) return { made: [], parts: [] };
  const tenantId = items[0]!.ctx.tenantId;
  if (items.some((i) => i.ctx.tenantId !== tenantId)) throw new Error('tasksAssigned: one tenant at a time');
  const { flow, active } = facts;
  const starts = items.map((i) => flow !== undefined && active.has(i.ref.electionId));
  const assignments = items.map(() => randomUUID());
  const columns: [unknown[], string][] = [
    [assignments, 'uuid'],
    [items.map((i) => i.ref.electionId), 'uuid'],
    [items.map((i) => i.ref.slotId), 'uuid'],
    [items.map((i) => i.ref.participantId), 'uuid'],
    [starts, 'boolean'],
  ];
  // Both inserts read the same rows: their arrays are bound once.
  const rows = (p: Params) => p.once(columns, () => `unnest(${p.arrays(columns)}) WITH ORDINALITY AS x(a, e, s, pp, starts, ord)`);
  // The person's messages and the assignments (started now when their flow starts in this transaction).
  const parts: StatementPart[] = [
    (p) => `INSERT INTO participant_messages (tenant_id, participant_id, election_id, slot_id, event, created_at)
       SELECT ${p.add(tenantId)}::uuid, x.pp, x.e, x.s, ${p.add(event)}, clock_timestamp() FROM ${rows(p)} ORDER BY x.ord`,
    (p) => `INSERT INTO task_assignments (id, tenant_id, election_id, slot_id, participant_id, started_at)
       SELECT x.a, ${p.add(tenantId)}::uuid, x.e, x.s, x.pp, CASE WHEN x.starts THEN clock_timestamp() END FROM ${rows(p)} ORDER BY x.ord`,
  ];
  if (!flow) return { made: assignments.map((assignmentId) => ({ assignmentId })), parts };
  const starting = items.flatMap((_, n) => (starts[n] ? [n] : []));
  const instances = instanceRowsPart(flow, starting.map((n) => ({ ctx: items[n]!.ctx, subjectId: assignments[n]! })), audits);
  if (starting.length > 0) parts.push(instances.part, flowGateway.startManyPart(tenantId, instances.ids));
  const instanceOf = new Map(starting.map((n, k) => [n, instances.ids[k]!]));
  return { made: assignments.map((assignmentId, n) => (instanceOf.has(n) ? { assignmentId, instanceId: instanceOf.get(n)! } : { assignmentId })), parts };
}

/** The slot's newest assignment of this person (the one its flow is about). */
async function currentAssignment(db: Database, tx: Transaction, slotId: string, participantId?: string): Promise<{ id: string; participant_id: string; election_id: string; started: boolean } | undefined> {
  const [row] = await select<{ id: string; participant_id: string; election_id: string; started: boolean }>(
    db,
    tx,
    `SELECT id, participant_id, election_id, started_at IS NOT NULL AS started FROM task_assignments
      WHERE slot_id = $1 AND ($2::uuid IS NULL OR participant_id = $2) AND ended_at IS NULL ORDER BY created_at DESC LIMIT 1`,
    [slotId, participantId ?? null],
  );
  return row;
}

async function tell(db: Database, tx: Transaction, tenantId: string, slotId: string, participantId: string | undefined, event: TaskFlowEvent, reload: boolean): Promise<number> {
  const a = await currentAssignment(db, tx, slotId, participantId);
  const message = ENDING_MESSAGE[event];
  const person = participantId ?? a?.participant_id;
  // The person's record of what they are told, whether or not a flow runs yet (the command's word, as before).
  if (person && (message || (event === 'invitation.answered' && reload))) {
    const [slot] = await select<{ election_id: string; state: string; participant_id: string | null }>(db, tx, 'SELECT election_id, state, participant_id FROM task_slots WHERE id = $1', [slotId]);
    const told = message ?? (slot?.participant_id === person && slot.state === 'accepted' ? 'registrationConfirmed' : undefined);
    if (slot && told) await queueMessage(db, tx, { tenantId, participantId: person, electionId: slot.election_id, slotId, event: told });
  }
  if (!a) return 0;
  const ends = message !== undefined || (event === 'invitation.answered' && !(await stillHeld(db, tx, slotId, a.participant_id)));
  const end = () => execute(db, tx, 'UPDATE task_assignments SET ended_at = clock_timestamp() WHERE id = $1', [a.id]);
  // Its flow never started (the election is inactive): activation starts it only while the person holds the slot.
  if (!a.started) {
    if (ends) await end();
    return 0;
  }
  const subject = { subjectType: ELECTION_TASK_SUBJECT, subjectId: a.id };
  // The outbox delivers an instance's rows in order: the flow re-reads the subject before it hears the event —
  // the slot's answer, or (the assignment ended) that nothing of it is due any more.
  if (reload || ends) await flowGateway.subjectChanged(db, tx, tenantId, subject);
  if (ends) await end();
  return flowGateway.signal(db, tx, tenantId, { ...subject, event });
}

async function stillHeld(db: Database, tx: Transaction, slotId: string, participantId: string): Promise<boolean> {
  const [row] = await select<{ held: boolean }>(db, tx, "SELECT participant_id = $2 AND state IN ('invited', 'accepted') AS held FROM task_slots WHERE id = $1", [slotId, participantId]);
  return row?.held ?? false;
}

/** The person answered the invitation (on the public site, or an administrator for them); the slot is updated already. */
export async function invitationAnswered(db: Database, tx: Transaction, m: { tenantId: string; slotId: string; participantId: string; answer: 'accept' | 'reject' }): Promise<void> {
  // Accepted before the flow started (inactive election): the flow starts with the slot accepted and confirms then.
  await tell(db, tx, m.tenantId, m.slotId, m.participantId, 'invitation.answered', true);
}

/** An administrator took the person off the slot: retracted (only invited) or removed (had accepted). */
export function taskUnassigned(db: Database, tx: Transaction, m: { tenantId: string; slotId: string; participantId: string; was: 'invited' | 'accepted' }): Promise<number> {
  return tell(db, tx, m.tenantId, m.slotId, m.participantId, m.was === 'invited' ? 'invitation.retracted' : 'task.removed', false);
}

/** The person gave the task up on the public site. */
export function taskCancelled(db: Database, tx: Transaction, m: { tenantId: string; slotId: string; participantId: string }): Promise<number> {
  return tell(db, tx, m.tenantId, m.slotId, m.participantId, 'task.cancelled', false);
}

/** The registry check found the holder no longer qualifies: the slot's flow sends "removed by validation" and ends. Call it in the transaction that vacates the slot. */
export function taskRemovedByValidation(db: Database, tx: Transaction, m: { tenantId: string; slotId: string }): Promise<number> {
  return tell(db, tx, m.tenantId, m.slotId, undefined, 'task.removedByValidation', false);
}

/** The slot's task date changed: its running flows re-read the dates, which moves their reminders. */
export async function taskDateChanged(db: Database, tx: Transaction, m: { tenantId: string; slotId: string }): Promise<number> {
  const a = await currentAssignment(db, tx, m.slotId);
  if (!a?.started) return 0;
  return flowGateway.subjectChanged(db, tx, m.tenantId, { subjectType: ELECTION_TASK_SUBJECT, subjectId: a.id });
}

/**
 * The election was activated: the assignments made while it was inactive start their flows now, oldest first
 * (each sends its invitation or confirmation). Only those whose person still holds the slot.
 */
export async function electionActivated(db: Database, tx: Transaction, ctx: CommandContext, electionId: string): Promise<number> {
  const waiting = await select<{ id: string }>(
    db,
    tx,
    `SELECT a.id FROM task_assignments a JOIN task_slots s ON s.id = a.slot_id
      WHERE a.election_id = $1 AND a.started_at IS NULL AND a.ended_at IS NULL AND s.participant_id = a.participant_id AND s.state IN ('invited', 'accepted')
      ORDER BY a.created_at, a.id`,
    [electionId],
  );
  let started = 0;
  for (const { id } of waiting) if (await startAssignmentFlow(db, tx, ctx, id)) started++;
  return started;
}
