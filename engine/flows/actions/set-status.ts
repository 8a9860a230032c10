// setStatus: the instance moves to a status of its flow (the core applies it; the activity records it).
import type { FlowAction } from '../../modules/module';
import { fieldError } from '../../../forms/validation';
import { recordAudit } from '../../audit/record';
import { once } from '../instance-store';

export const setStatus: FlowAction = {
  configSchema: 'flows/actions/set-status.schema.json',
  core: true,
  check: (c, { statuses }) => (statuses.has(String(c.status)) ? [] : [fieldError('/status', 'flow.statusUnknown', { status: String(c.status) }, `there is no status "${String(c.status)}"`)]),
  run: ({ db }, input) =>
    once(db, input, async (tx, ctx) => {
      const status = String(input.config.status);
      await db.sequelize.query('UPDATE flow_instances SET status = $2 WHERE id = $1', { bind: [input.instanceId, status], transaction: tx });
      await recordAudit(db, tx, ctx, { action: 'flowInstance.statusChanged', entityType: 'flowInstance', entityId: input.instanceId, summary: { status, rule: input.rule } });
      return { done: true };
    }),
};
