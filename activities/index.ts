// Activities are built by a factory that receives their dependencies, so tests and the worker wire
// them to a real database of their choosing. Workflows import the *type* Activities only.
import type { Database } from '../engine/db/database';
import { createHousekeepingActivities } from './housekeeping';

export interface ActivityDeps {
  db: Database;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createHousekeepingActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
