import { defineQuery, defineSignal } from '@temporalio/workflow';

export interface HousekeepingInput {
  tenantId: string;
}

export interface HousekeepingStatus {
  runs: number;
  lastRunAt?: string;
  lastPurged?: number;
  lastCutoff?: string;
  lastSessionsPurged?: number;
  lastMessagesPurged?: number;
  nextRunAt?: string;
}

/** Run the housekeeping now instead of at the next daily run (operators, tests after a settings change). */
export const runNowSignal = defineSignal('runNow');
export const statusQuery = defineQuery<HousekeepingStatus>('status');
