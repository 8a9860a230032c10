// extendDeadline: a deadline of the instance moves (the core applies it; the record is the audit row).
import type { FlowAction } from '../../modules/module';
import { fieldError } from '../../../forms/validation';
import { recordAudit } from '../../audit/record';
import { once } from '../instance-store';

export const extendDeadline: FlowAction = {
  configSchema: 'flows/actions/extend-deadline.schema.json',
  core: true,
  check: (c, { deadlines }) => (deadlines.has(String(c.deadline)) ? [] : [fieldError('/deadline', 'flow.deadlineUnknown', { deadline: String(c.deadline) }, `there is no deadline "${String(c.deadline)}"`)]),
  run: ({ db }, input) =>
    once(db, input, async (tx, ctx) => {
      await recordAudit(db, tx, ctx, { action: `flowInstance.${input.action}`, entityType: 'flowInstance', entityId: input.instanceId, summary: { rule: input.rule, ...input.config } });
      return { done: true };
    }),
};
