// What the election module's route files share.
import type { FlowTemporal } from '../../../flows/workflows';
import type { ElectionDeps } from '../db';

export interface ElectionRouteDeps extends ElectionDeps {
  /** Temporal, to start and follow the module's own workflows (the bulk deletion). */
  flows: FlowTemporal;
}

/** The platform's site check (engine/http/route.ts), where the route files of the module find it. */
export { onSite } from '../../../http/route';
