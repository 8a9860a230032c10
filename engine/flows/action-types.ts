// The shapes a flow action's handler works with: what the workflow hands the activity (ActionInput), what it
// gets back (ActionResult), and what the handler may use (RuntimeDeps). Apart from runtime.ts so that modules'
// actions can name them without importing the runtime (which imports the module list).
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import type { ChannelName, Channels } from '../messages/channels';
import type { AuditedRegistry } from '../registry/audited';

export interface RuntimeDeps {
  db: Database;
  keyring: Keyring;
  channels?: Channels;
  /** The tenant's civil registry, every lookup audited; absent when none is configured. */
  registry?: AuditedRegistry;
  /** The origin (scheme, host, port) of a tenant's public host, for links in messages. */
  publicOrigin?: (host: string) => string;
}

export interface ActionInput {
  tenantId: string;
  instanceId: string;
  /** `<instance>/<rule>@<anchor>#<occurrence>/<action index>`: unique per instance, rule, occurrence and action. */
  key: string;
  rule: string;
  action: string;
  config: Record<string, unknown>;
  at: string;
}

export interface ActionResult {
  done: boolean;
  child?: { instanceId: string; flowKey: string; module: string; version: number; status: string };
  sent?: { channel: ChannelName; status: string }[];
}

/** What publishing a flow checks a configuration against: the tenant's own names of things. */
export interface PublishReferences {
  templates: Set<string>;
  roles: Set<string>;
  forms: Set<string>;
  flows: Set<string>;
  /** The tenant's longest keeping of personal data, in months. */
  retentionMonths: number;
}
