// startChildFlow: a published flow of the tenant starts on the same subject (e.g. a retention flow after a
// decision). The child's id comes from the idempotency key, so a retry finds the same child.
import { QueryTypes } from 'sequelize';
import { fieldError } from '../../../forms/validation';
import type { FlowAction } from '../../modules/module';
import { NotFoundError } from '../../errors';
import { childOf, createInstanceRow, instanceRow, once, uuidFromKey } from '../instance-store';

export const startChildFlow: FlowAction = {
  configSchema: 'flows/actions/start-child-flow.schema.json',
  check: (c, { refs }) => (refs.flows.has(String(c.flow)) ? [] : [fieldError('/flow', 'flow.flowUnknown', { flow: String(c.flow) }, `there is no published flow "${String(c.flow)}"`)]),
  run: ({ db }, input) =>
    once(
      db,
      input,
      async (tx, ctx) => {
        const parent = await instanceRow(db, tx, input.instanceId);
        const [latest] = await db.sequelize.query<{ id: string; latest_version: number }>('SELECT id, latest_version FROM flow_definitions WHERE key = $1 AND latest_version > 0', { bind: [String(input.config.flow)], type: QueryTypes.SELECT, transaction: tx });
        if (!latest) throw new NotFoundError(`no published flow "${String(input.config.flow)}"`);
        const childId = uuidFromKey(input.key);
        await createInstanceRow(db, tx, ctx, { id: childId, definitionId: latest.id, version: latest.latest_version, subjectType: parent.subject_type, subjectId: parent.subject_id, parent: input.instanceId });
        return { done: true, child: await childOf(db, tx, childId) };
      },
      async (tx) => ({ done: false, child: await childOf(db, tx, uuidFromKey(input.key)) }),
    ),
};
