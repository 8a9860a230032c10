// The election module's registry refresh: its inputs and its query. Ids and counts only — the participants it
// reads are found by its activities from the refresh's row, never passed here.
import { defineQuery } from '@temporalio/workflow';

export interface RegistryRefreshInput {
  tenantId: string;
  refreshId: string;
}

/** The weekly schedule of one tenant (a workflow that sleeps a week, asks for a refresh, continues as new). */
export interface RegistryRefreshWeeklyInput {
  tenantId: string;
}

export interface RegistryRefreshProgress {
  total: number;
  done: number;
  updated: number;
  unassigned: number;
  /** The refresh has finished (the refresh's row says 'done' or 'failed'). */
  finished: boolean;
}

/** For operators (the Temporal Web UI) and the admin site's progress while it runs. */
export const progressQuery = defineQuery<RegistryRefreshProgress>('progress');
