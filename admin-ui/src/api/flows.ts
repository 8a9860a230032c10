// The flows API (flows, instances, tasks) as query options: each query's key and loader in one place, so a
// change invalidates by key (a decision refreshes the tasks, the instances and the communication log).
import { queryOptions } from '@tanstack/react-query';
import type { RJSFSchema } from '@rjsf/utils';
import type { FlowDefinition } from '../../../workflows/flow/core/types';
import { apiGet, apiSend } from '../../../forms/ui/api';
import type { FieldError } from '../../../forms/validation';

export interface FlowSummary {
  id: string;
  key: string;
  module: string;
  name: Record<string, string> | null;
  latestVersion: number;
  running: number;
  forms: string[];
}

export interface Scenario {
  id: string;
  name: string;
  [k: string]: unknown;
}

export interface LoadedFlow {
  id: string;
  key: string;
  draft: FlowDefinition;
  latestVersion: number;
  versions: { version: number; publishedAt: string; running: number }[];
  problems: FieldError[];
  scenarios: Scenario[];
}

export interface Preview {
  startAt: string;
  timeline: { at: string; kind: string; rule?: string; action?: string; detail?: string }[];
  warnings: { kind: string; at?: string; message: string }[];
  endedAt: string | null;
  status: string;
}

export interface InstanceRow {
  id: string;
  flowId: string;
  flowKey: string;
  version: number;
  status: string;
  startedAt: string;
  endedAt: string | null;
  migratedFrom: number | null;
  webUiPath: string;
}

export interface InstanceDetail {
  timeline: { status: string; nextDue?: { at: string; rule: string }; timeline: { at: string; kind: string; rule?: string; action?: string; detail?: string }[] };
  communications: { templateKey: string; channel: string; status: string; createdAt: string }[];
}

export interface Task {
  id: string;
  taskKey: string;
  title: Record<string, string>;
  decisions: { key: string; label: Record<string, string> }[];
  openedAt: string;
  flowKey: string;
  reference: string;
  decision: string | null;
}

const path = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

export const flowKeys = {
  all: ['flows'] as const,
  list: ['flows', 'list'] as const,
  detail: (id: string) => ['flows', 'detail', id] as const,
  previews: (id: string) => ['flows', 'detail', id, 'preview'] as const,
};
export const instanceKeys = { all: ['flow-instances'] as const };
export const taskKeys = { all: ['tasks'] as const };

export const flowsQuery = () => queryOptions({ queryKey: flowKeys.list, queryFn: ({ signal }) => apiGet<{ flows: FlowSummary[] }>('/api/flows', { signal }) });

export const flowQuery = (id: string) => queryOptions({ queryKey: flowKeys.detail(id), queryFn: ({ signal }) => apiGet<LoadedFlow>(path(id), { signal }) });

/** The config schema of each action, for the forms the editor generates from them; they change with a release only. */
export const editorSchemasQuery = () =>
  queryOptions({
    queryKey: ['flows', 'editor-schemas'] as const,
    queryFn: ({ signal }) => apiGet<{ actions: Record<string, RJSFSchema> }>('/api/flows/editor-schemas', { signal }),
    staleTime: Infinity,
  });

/** The timeline preview of the saved draft in one scenario: a POST that changes nothing, so it is a query. */
export const previewQuery = (flowId: string, scenario: Scenario) =>
  queryOptions({
    queryKey: [...flowKeys.previews(flowId), scenario.id] as const,
    queryFn: ({ signal }) => {
      const { id: _id, name, ...rest } = scenario;
      return apiSend<Preview>('POST', `${path(flowId)}/preview`, { scenario: { name, ...rest } }, { signal });
    },
  });

/** A published version never changes: loaded once. */
export const flowVersionQuery = (flowId: string, version: number) =>
  queryOptions({
    queryKey: [...flowKeys.detail(flowId), 'versions', version] as const,
    queryFn: ({ signal }) => apiGet<{ definition: unknown }>(`${path(flowId)}/versions/${version}`, { signal }),
    staleTime: Infinity,
  });

/** `filter` is the page's query string (flow, version, status, state, page): part of the key, so a new filter cancels the old request. */
export const instancesQuery = (filter: string) =>
  queryOptions({
    queryKey: [...instanceKeys.all, 'list', filter] as const,
    queryFn: ({ signal }) => apiGet<{ rows: InstanceRow[]; total: number; page: number; pageSize: number }>(`/api/flow-instances?${filter}`, { signal }),
  });

export const instanceQuery = (id: string) =>
  queryOptions({ queryKey: [...instanceKeys.all, 'detail', id] as const, queryFn: ({ signal }) => apiGet<InstanceDetail>(`/api/flow-instances/${encodeURIComponent(id)}`, { signal }) });

export const tasksQuery = () => queryOptions({ queryKey: taskKeys.all, queryFn: ({ signal }) => apiGet<{ tasks: Task[] }>('/api/tasks', { signal }) });
