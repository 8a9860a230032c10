// What the election module's route files share.
import type { Request } from 'express';
import type { Site } from '../../../db/database';
import { NotFoundError } from '../../../errors';
import type { FlowTemporal } from '../../../flows/workflows';
import type { ElectionDeps } from '../db';

export interface ElectionRouteDeps extends ElectionDeps {
  /** Temporal, to start and follow the module's own workflows (the bulk deletion). */
  flows: FlowTemporal;
}

/** A route of one site answers 404 on the other, like a path that is not there. */
export function onSite(req: Request, site: Site): void {
  if (req.tenant?.site !== site) throw new NotFoundError();
}
