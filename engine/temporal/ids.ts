// Workflow ids are built from tenant and entity ids only, never from names, e-mails or personal numbers:
// they are visible in the Web UI and in logs, unencrypted.
import { isUuid } from '../ids';

function assertUuid(id: string): string {
  if (!isUuid(id)) throw new Error(`workflow ids take uuids only, got "${id.slice(0, 40)}"`);
  return id;
}

export const workflowIds = {
  housekeeping: (tenantId: string) => `tenant/${assertUuid(tenantId)}/housekeeping`,
  flow: (tenantId: string, instanceId: string) => `tenant/${assertUuid(tenantId)}/flow/${assertUuid(instanceId)}`,
};

const TENANT_PREFIX = /^tenant\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//;

/** The tenant whose workflow this is, by the id's `tenant/<uuid>/` prefix. */
export function tenantOfWorkflowId(workflowId: string | undefined): string | undefined {
  return workflowId ? TENANT_PREFIX.exec(workflowId)?.[1] : undefined;
}
