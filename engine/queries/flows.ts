// Reading flows: the list, one definition with its versions, a version, running instances, the task inbox
// and the communication log. Administrators only (tasks: whoever holds the assignee role).
import { QueryTypes } from 'sequelize';
import type { FlowInstancesQuery } from '../../schemas/types/api-flow-instances-query';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import { actorRoles, type Actor } from '../actors';
import type { Database } from '../db/database';
import { NotFoundError } from '../errors';
import { foundUuid, shortReference } from '../ids';
import { authorize } from '../policies';

export async function listFlows(db: Database, actor: Actor) {
  authorize(actor, 'flows.view', { tenantId: actor.tenantId });
  return db.withTenant(actor.tenantId, (tx) =>
    db.sequelize.query<{ id: string; key: string; module: string; name: FlowDefinition['name']; latestVersion: number; builtin: string | null; updatedAt: Date; running: number; forms: string[] }>(
      `SELECT d.id, d.key, d.module, d.draft->'name' AS name, d.latest_version AS "latestVersion", d.builtin, d.updated_at AS "updatedAt",
              (SELECT count(*)::int FROM flow_instances i WHERE i.definition_id = d.id AND i.ended_at IS NULL) AS running,
              COALESCE((SELECT array_agg(f.id) FROM form_definitions f WHERE f.flow_definition_id = d.id), '{}') AS forms
         FROM flow_definitions d ORDER BY d.key`,
      { type: QueryTypes.SELECT, transaction: tx },
    ),
  );
}

export async function loadFlow(db: Database, actor: Actor, id: string) {
  authorize(actor, 'flows.view', { tenantId: actor.tenantId });
  foundUuid(id);
  return db.withTenant(actor.tenantId, async (tx) => {
    const [row] = await db.sequelize.query<{ id: string; key: string; draft: FlowDefinition; latestVersion: number; builtin: string | null }>(
      'SELECT id, key, draft, latest_version AS "latestVersion", builtin FROM flow_definitions WHERE id = $1',
      { bind: [id], type: QueryTypes.SELECT, transaction: tx },
    );
    if (!row) throw new NotFoundError();
    const versions = await db.sequelize.query<{ version: number; publishedAt: Date; publishedBy: string; contentHash: string; running: number }>(
      `SELECT v.version, v.published_at AS "publishedAt", v.published_by AS "publishedBy", v.content_hash AS "contentHash",
              (SELECT count(*)::int FROM flow_instances i WHERE i.definition_id = v.definition_id AND i.version = v.version AND i.ended_at IS NULL) AS running
         FROM flow_versions v WHERE v.definition_id = $1 ORDER BY v.version DESC`,
      { bind: [id], type: QueryTypes.SELECT, transaction: tx },
    );
    return { ...row, versions };
  });
}

export async function loadFlowVersion(db: Database, actor: Actor, id: string, version: number) {
  authorize(actor, 'flows.view', { tenantId: actor.tenantId });
  foundUuid(id);
  return db.withTenant(actor.tenantId, async (tx) => {
    const [row] = await db.sequelize.query<{ version: number; definition: FlowDefinition; parameters: Record<string, unknown>; pinnedForms: Record<string, number> }>(
      'SELECT version, definition, parameters, pinned_forms AS "pinnedForms" FROM flow_versions WHERE definition_id = $1 AND version = $2',
      { bind: [id, version], type: QueryTypes.SELECT, transaction: tx },
    );
    if (!row) throw new NotFoundError();
    return row;
  });
}

export interface InstanceRow {
  id: string;
  flowId: string;
  flowKey: string;
  version: number;
  status: string;
  subjectType: string;
  startedAt: Date;
  endedAt: Date | null;
  migratedFrom: number | null;
}

const INSTANCES = `SELECT i.id, i.definition_id AS "flowId", d.key AS "flowKey", i.version, i.status, i.subject_type AS "subjectType", i.started_at AS "startedAt", i.ended_at AS "endedAt", i.migrated_from AS "migratedFrom"
  FROM flow_instances i JOIN flow_definitions d ON d.id = i.definition_id`;

export async function listInstances(db: Database, actor: Actor, q: FlowInstancesQuery) {
  authorize(actor, 'flows.view', { tenantId: actor.tenantId });
  const where: string[] = [];
  const bind: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    bind.push(value);
    where.push(sql.replace('?', `$${bind.length}`));
  };
  if (q.flow) add('i.definition_id = ?', q.flow);
  if (q.version) add('i.version = ?', q.version);
  if (q.status) add('i.status = ?', q.status);
  if (q.state === 'running') where.push('i.ended_at IS NULL');
  if (q.state === 'ended') where.push('i.ended_at IS NOT NULL');
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const page = q.page ?? 1;
  const size = q.pageSize ?? 50;
  return db.withTenant(actor.tenantId, async (tx) => {
    const [{ total }] = (await db.sequelize.query<{ total: number }>(`SELECT count(*)::int AS total FROM flow_instances i ${clause}`, { bind, type: QueryTypes.SELECT, transaction: tx })) as [{ total: number }];
    const rows = await db.sequelize.query<InstanceRow>(
      `${INSTANCES} ${clause}
        ORDER BY i.started_at DESC, i.id LIMIT ${size} OFFSET ${(page - 1) * size}`,
      { bind, type: QueryTypes.SELECT, transaction: tx },
    );
    return { rows, total, page, pageSize: size };
  });
}

export async function loadInstance(db: Database, actor: Actor, id: string): Promise<InstanceRow> {
  authorize(actor, 'flows.view', { tenantId: actor.tenantId });
  foundUuid(id);
  const [row] = await db.withTenant(actor.tenantId, (tx) => db.sequelize.query<InstanceRow>(`${INSTANCES} WHERE i.id = $1`, { bind: [id], type: QueryTypes.SELECT, transaction: tx }));
  if (!row) throw new NotFoundError();
  return row;
}

export interface TaskRow {
  id: string;
  instanceId: string;
  taskKey: string;
  role: string;
  title: Record<string, string>;
  decisions: { key: string; label: Record<string, string> }[];
  formId: string | null;
  openedAt: Date;
  decision: string | null;
  decidedAt: Date | null;
  flowKey: string;
  flowName: Record<string, string> | null;
  subjectType: string;
  subjectId: string;
}

/** Open tasks (or recently decided ones) for the roles the actor holds. */
export async function listTasks(db: Database, actor: Actor, state: 'open' | 'decided') {
  const roles = actorRoles(actor) as string[];
  if (actor.kind !== 'user') authorize(actor, 'tasks.decide', { tenantId: actor.tenantId });
  const rows = await db.withTenant(actor.tenantId, (tx) =>
    db.sequelize.query<TaskRow>(
      `SELECT t.id, t.instance_id AS "instanceId", t.task_key AS "taskKey", t.role, t.title, t.decisions, t.form_id AS "formId", t.opened_at AS "openedAt",
              t.decision, t.decided_at AS "decidedAt", d.key AS "flowKey", v.definition->'name' AS "flowName", i.subject_type AS "subjectType", i.subject_id AS "subjectId"
         FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id JOIN flow_definitions d ON d.id = i.definition_id
         JOIN flow_versions v ON v.definition_id = i.definition_id AND v.version = i.version
        WHERE t.role = ANY($1::text[]) AND ${state === 'open' ? 't.decision IS NULL' : 't.decision IS NOT NULL'}
        ORDER BY ${state === 'open' ? 't.opened_at' : 't.decided_at DESC'} LIMIT 200`,
      { bind: [roles], type: QueryTypes.SELECT, transaction: tx },
    ),
  );
  return rows.map((r) => ({ ...r, reference: shortReference(r.subjectId) }));
}

export async function loadTask(db: Database, actor: Actor, id: string): Promise<TaskRow> {
  foundUuid(id);
  const rows = await db.withTenant(actor.tenantId, (tx) =>
    db.sequelize.query<TaskRow>('SELECT t.id, t.instance_id AS "instanceId", t.task_key AS "taskKey", t.role, t.decision FROM flow_tasks t WHERE t.id = $1', { bind: [id], type: QueryTypes.SELECT, transaction: tx }),
  );
  if (!rows[0]) throw new NotFoundError();
  // Someone without the role learns nothing about the task, not even that it exists.
  if (!(actorRoles(actor) as string[]).includes(rows[0].role)) throw new NotFoundError();
  return rows[0];
}

export async function listCommunications(db: Database, actor: Actor, instanceId?: string) {
  authorize(actor, 'flows.view', { tenantId: actor.tenantId });
  if (instanceId) foundUuid(instanceId);
  return db.withTenant(actor.tenantId, (tx) =>
    db.sequelize.query<{ id: string; instanceId: string | null; templateKey: string; channel: string; recipient: string; status: string; error: string | null; createdAt: Date; sentAt: Date | null }>(
      `SELECT id, instance_id AS "instanceId", template_key AS "templateKey", channel, recipient, status, error, created_at AS "createdAt", sent_at AS "sentAt"
         FROM communication_log ${instanceId ? 'WHERE instance_id = $1' : ''} ORDER BY created_at DESC LIMIT 200`,
      { bind: instanceId ? [instanceId] : [], type: QueryTypes.SELECT, transaction: tx },
    ),
  );
}

