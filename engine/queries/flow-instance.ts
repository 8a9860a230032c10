// One running (or ended) flow instance: its row, its workflow's own account of it (the timeline Query) and
// the messages it sent. Administrators (flows.view, checked by loadInstance on the row).
import { flowMessages } from '../../workflows';
import type { Actor } from '../actors';
import type { Database } from '../db/database';
import { flowHandle, type FlowTemporal } from '../flows/workflows';
import { listCommunications, loadInstance } from './flows';

export async function loadInstanceDetail(db: Database, flows: FlowTemporal, actor: Actor, id: string) {
  const instance = await loadInstance(db, actor, id);
  const timeline = await flowHandle(flows, actor.tenantId, instance.id).query(flowMessages.timelineQuery);
  return { instance, timeline, communications: await listCommunications(db, actor, instance.id) };
}
