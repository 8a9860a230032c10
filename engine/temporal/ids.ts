// Workflow ids are built from tenant and entity ids only, never from names, e-mails or personal numbers:
// they are visible in the Web UI and in logs, unencrypted.
import { isUuid } from '../ids';

function assertUuid(id: string): string {
  if (!isUuid(id)) throw new Error(`workflow ids take uuids only, got "${id.slice(0, 40)}"`);
  return id;
}

const KIND = /^[a-z][a-z0-9]{1,30}(-[a-z0-9]{1,30}){0,4}$/;

function assertKind(kind: string): string {
  if (!KIND.test(kind) || kind === 'flow' || kind === 'housekeeping') throw new Error(`"${kind.slice(0, 40)}" is not a module's workflow kind`);
  return kind;
}

export const workflowIds = {
  housekeeping: (tenantId: string) => `tenant/${assertUuid(tenantId)}/housekeeping`,
  flow: (tenantId: string, instanceId: string) => `tenant/${assertUuid(tenantId)}/flow/${assertUuid(instanceId)}`,
  /** A module's own workflow about one of its rows: `kind` is a fixed word of the module (`<module>-<what>`). */
  module: (tenantId: string, kind: string, entityId: string) => `tenant/${assertUuid(tenantId)}/${assertKind(kind)}/${assertUuid(entityId)}`,
};

const TENANT_PREFIX = /^tenant\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//;

/** The tenant whose workflow this is, by the id's `tenant/<uuid>/` prefix. */
export function tenantOfWorkflowId(workflowId: string | undefined): string | undefined {
  return workflowId ? TENANT_PREFIX.exec(workflowId)?.[1] : undefined;
}
