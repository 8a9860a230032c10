// createTask: a task for everyone holding a role (a caseworker's decision), in the tenant's task inbox.
import { QueryTypes } from 'sequelize';
import { fieldError } from '../../../forms/validation';
import type { ConfigProblem, FlowAction } from '../../modules/module';
import { recordAudit } from '../../audit/record';
import { once } from '../instance-store';

export const createTask: FlowAction = {
  configSchema: 'flows/actions/create-task.schema.json',
  check: (c, { refs }) => {
    const problems: ConfigProblem[] = [];
    if (!refs.roles.has(String(c.role))) problems.push(fieldError('/role', 'flow.roleUnknown', { role: String(c.role) }, `there is no role "${String(c.role)}"`));
    if (c.form !== undefined && !refs.forms.has(String(c.form))) problems.push(fieldError('/form', 'flow.formUnknown', { form: String(c.form) }, 'there is no published form with this id'));
    return problems;
  },
  run: ({ db }, input) =>
    once(db, input, async (tx, ctx) => {
      const c = input.config as { task: string; role: string; title: object; decisions: object[]; form?: string };
      const [task] = await db.sequelize.query<{ id: string }>(
        'INSERT INTO flow_tasks (tenant_id, instance_id, task_key, role, title, decisions, form_id, opened_at, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id',
        { bind: [input.tenantId, input.instanceId, c.task, c.role, JSON.stringify(c.title), JSON.stringify(c.decisions), c.form ?? null, input.at, input.key], type: QueryTypes.SELECT, transaction: tx },
      );
      await recordAudit(db, tx, ctx, { action: 'flowTask.opened', entityType: 'flowTask', entityId: task!.id, summary: { instance: input.instanceId, task: c.task, role: c.role } });
      return { done: true };
    }),
};
