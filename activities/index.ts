// Activities are built by a factory that receives their dependencies, so tests and the worker wire
// them to a real database of their choosing. Workflows import the *type* Activities only.
import type { Keyring } from '../engine/crypto/keyring';
import type { Database } from '../engine/db/database';
import type { Channels } from '../engine/messages/channels';
import type { AuditedRegistry } from '../engine/registry/audited';
import { createFlowActivities } from './flows';
import { createHousekeepingActivities } from './housekeeping';

export interface ActivityDeps {
  db: Database;
  /** Opens sealed subject data for the flow activities. */
  keyring?: Keyring;
  /** Message channels (e-mail, Digital Post, SMS; engine/messages/delivery.ts tries them in a message's order); a channel that is not configured counts as a failed attempt. */
  channels?: Channels;
  /** The civil registry, for flow actions that look people up. */
  registry?: AuditedRegistry;
  /** The origin of a tenant's public host, for links in messages. */
  publicOrigin?: (host: string) => string;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createHousekeepingActivities(deps),
    ...createFlowActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
