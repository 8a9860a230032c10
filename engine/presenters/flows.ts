// Flow rows as the API answers them: times as ISO text (the queries hand back what PostgreSQL gave, Dates),
// instances with the link to their workflow in the Temporal Web UI.
import type { Communication } from '../../schemas/types/api-communication';
import type { CommunicationDetail } from '../../schemas/types/api-communication-detail';
import type { AttemptRow, CommunicationRow } from '../queries/communications';
import type { FlowInstance } from '../../schemas/types/api-flow-instance';
import type { FlowInstancePage } from '../../schemas/types/api-flow-instance-page';
import type { FlowList } from '../../schemas/types/api-flow-list';
import type { TaskList } from '../../schemas/types/api-task-list';
import type { InstanceRow, TaskRow } from '../queries/flows';
import { workflowIds } from '../temporal/ids';

const iso = (d: Date | string): string => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null | undefined): string | null => (d ? iso(d) : null);

export const presentInstance = (r: InstanceRow): FlowInstance => ({ ...r, startedAt: iso(r.startedAt), endedAt: isoOrNull(r.endedAt) });

/** The workflow's page in the Web UI that the admin site proxies for operators. */
export const webUiPath = (namespace: string, tenantId: string, instanceId: string): string =>
  `/temporal/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowIds.flow(tenantId, instanceId))}`;

export function presentInstancePage(page: { rows: InstanceRow[]; total: number; page: number; pageSize: number }, namespace: string, tenantId: string): FlowInstancePage {
  return { ...page, rows: page.rows.map((r) => ({ ...presentInstance(r), webUiPath: webUiPath(namespace, tenantId, r.id) })) };
}

type FlowSummary = FlowList['flows'][number];
/** A draft without a name reads as null from PostgreSQL (`draft->'name'`), whatever its type says; a name is text per language. */
export const presentFlowList = (rows: (Omit<FlowSummary, 'updatedAt' | 'name'> & { updatedAt: Date | string; name?: object | undefined })[]): FlowList => ({
  flows: rows.map((r) => ({ ...r, name: (r.name ?? null) as FlowSummary['name'], updatedAt: iso(r.updatedAt) })),
});

export const presentVersions = <V extends { publishedAt: Date | string }>(versions: V[]): (Omit<V, 'publishedAt'> & { publishedAt: string })[] => versions.map((v) => ({ ...v, publishedAt: iso(v.publishedAt) }));

export const presentTasks = (rows: (TaskRow & { reference: string })[]): TaskList => ({
  tasks: rows.map((r) => ({ ...r, openedAt: iso(r.openedAt), decidedAt: isoOrNull(r.decidedAt) })),
});

export const presentCommunications = (rows: (Omit<Communication, 'createdAt' | 'sentAt' | 'deliveredAt'> & { createdAt: Date | string; sentAt: Date | string | null; deliveredAt?: Date | string | null })[]): Communication[] =>
  rows.map(({ deliveredAt, ...r }) => ({ ...r, createdAt: iso(r.createdAt), sentAt: isoOrNull(r.sentAt), ...(deliveredAt !== undefined ? { deliveredAt: isoOrNull(deliveredAt) } : {}) }));

export const presentCommunicationDetail = ({ communication, attempts }: { communication: CommunicationRow; attempts: AttemptRow[] }): CommunicationDetail => ({
  communication: presentCommunications([communication])[0]!,
  attempts: attempts.map((a) => ({ ...a, createdAt: iso(a.createdAt), sentAt: isoOrNull(a.sentAt), receiptAt: isoOrNull(a.receiptAt) })),
});

