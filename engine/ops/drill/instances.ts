// Each drill instance as the environment sees it: its row in Tingvalla's database and its workflow's own account
// (the timeline Query, answered by a worker from the history in Temporal's database). Taken from the source just
// before the backup and from the restored environment after it, the two must agree.
import { WorkflowNotFoundError } from '@temporalio/client';
import { QueryTypes, type Sequelize } from 'sequelize';
import { flowMessages } from '../../../workflows';
import { flowHandle, type FlowTemporal } from '../../flows/workflows';

export type Group = 'waiting' | 'decided' | 'notStarted';

export interface InstanceState {
  id: string;
  group: Group;
  /** flow_instances.status */
  status: string;
  ended: boolean;
  /** The workflow's timeline, or absent when Temporal has no workflow for it (yet). */
  workflow?: { status: string; nextDue?: { at: string; rule: string }; openTasks: number; entries: number };
}

export async function instanceStates(owner: Sequelize, flows: FlowTemporal, tenantId: string, groups: Record<Group, string[]>): Promise<InstanceState[]> {
  const states: InstanceState[] = [];
  for (const [group, ids] of Object.entries(groups) as [Group, string[]][]) {
    const rows = await owner.query<{ id: string; status: string; ended_at: Date | null }>('SELECT id, status, ended_at FROM flow_instances WHERE id = ANY($1::uuid[])', { bind: [ids], type: QueryTypes.SELECT });
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      if (!row) throw new Error(`instance ${id} has no row`);
      let workflow: InstanceState['workflow'];
      try {
        const t = await flowHandle(flows, tenantId, id).query(flowMessages.timelineQuery);
        workflow = { status: t.status, ...(t.nextDue ? { nextDue: t.nextDue } : {}), openTasks: t.tasks.filter((task) => !task.decision).length, entries: t.timeline.length };
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
      states.push({ id, group, status: row.status, ended: row.ended_at !== null, ...(workflow ? { workflow } : {}) });
    }
  }
  return states;
}

/** What differs between the source's state of the instances and the restored one's, one line per difference. */
export function stateDifferences(source: InstanceState[], restored: InstanceState[]): string[] {
  const out: string[] = [];
  for (const s of source) {
    const r = restored.find((x) => x.id === s.id);
    if (!r) {
      out.push(`${s.group} ${s.id}: missing`);
      continue;
    }
    const a = JSON.stringify({ status: s.status, ended: s.ended, workflow: s.workflow });
    const b = JSON.stringify({ status: r.status, ended: r.ended, workflow: r.workflow });
    if (a !== b) out.push(`${s.group} ${s.id}: source ${a}, restored ${b}`);
  }
  return out;
}
