// deletePersonalData: the subject's module erases what it holds about the person (publishing checks that a
// flow whose subject holds personal data has such a rule, within the tenant's maximum keeping).
import type { FlowAction } from '../../modules/module';
import { recordAudit } from '../../audit/record';
import { instanceRow, once } from '../instance-store';

export const deletePersonalData: FlowAction = {
  configSchema: 'flows/actions/delete-personal-data.schema.json',
  deletesPersonalData: true,
  run: ({ db, keyring, subjects }, input) =>
    once(db, input, async (tx, ctx) => {
      const row = await instanceRow(db, tx, input.instanceId);
      const { erased } = await subjects(row.subject_type).deletePersonalData({ db, keyring }, tx, ctx, row.subject_id, { keepWithConsent: input.config.keepWithConsent === true });
      await recordAudit(db, tx, ctx, { action: 'flowInstance.personalDataDeleted', entityType: 'flowInstance', entityId: input.instanceId, summary: { erased, rule: input.rule } });
      return { done: true };
    }),
};
