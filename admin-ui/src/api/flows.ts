// The flows API (flows, instances, tasks) as query options: each query's key and loader in one place, so a
// change invalidates by key (a decision refreshes the tasks, the instances and the communication log).
import { queryOptions } from '@tanstack/react-query';
import type { RJSFSchema } from '@rjsf/utils';
import type { FlowDetail } from '../../../schemas/types/api-flow-detail';
import type { FlowEditorSchemas } from '../../../schemas/types/api-flow-editor-schemas';
import type { FlowInstanceDetail } from '../../../schemas/types/api-flow-instance-detail';
import type { FlowInstancePage, FlowInstanceRow } from '../../../schemas/types/api-flow-instance-page';
import type { FlowList, FlowSummary as FlowSummaryAnswer } from '../../../schemas/types/api-flow-list';
import type { FlowPreviewResult } from '../../../schemas/types/api-flow-preview-result';
import type { FlowScenario } from '../../../schemas/types/api-flow-scenario';
import type { FlowVersion } from '../../../schemas/types/api-flow-version';
import type { Task as TaskAnswer, TaskList } from '../../../schemas/types/api-task-list';
import type { TaskSubject } from '../../../schemas/types/api-task-subject';
import { apiGet, apiSend } from '../../../forms/ui/api';

// The answers' types are generated from the response schemas the server is checked against (schemas/api/).
export type FlowSummary = FlowSummaryAnswer;
export type Scenario = FlowScenario;
export type LoadedFlow = FlowDetail;
export type Preview = FlowPreviewResult;
export type InstanceRow = FlowInstanceRow;
export type InstanceDetail = FlowInstanceDetail;
export type Task = TaskAnswer;

const path = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

export const flowKeys = {
  all: ['flows'] as const,
  list: ['flows', 'list'] as const,
  detail: (id: string) => ['flows', 'detail', id] as const,
  previews: (id: string) => ['flows', 'detail', id, 'preview'] as const,
};
export const instanceKeys = { all: ['flow-instances'] as const };
export const taskKeys = { all: ['tasks'] as const };

export const flowsQuery = () => queryOptions({ queryKey: flowKeys.list, queryFn: ({ signal }) => apiGet<FlowList>('/api/flows', { signal }) });

export const flowQuery = (id: string) => queryOptions({ queryKey: flowKeys.detail(id), queryFn: ({ signal }) => apiGet<LoadedFlow>(path(id), { signal }) });

/** The config schema of each action, for the forms the editor generates from them; they change with a release only. */
export const editorSchemasQuery = () =>
  queryOptions({
    queryKey: ['flows', 'editor-schemas'] as const,
    // RJSF takes the config schemas as its own schema type.
    queryFn: async ({ signal }) => (await apiGet<FlowEditorSchemas>('/api/flows/editor-schemas', { signal })) as { actions: Record<string, RJSFSchema>; when: RJSFSchema },
    staleTime: Infinity,
  });

/**
 * The timeline preview of the saved draft in one scenario, with the parameter values being tried (the editor's,
 * before they are saved): a POST that changes nothing, so it is a query keyed by both.
 */
export const previewQuery = (flowId: string, scenario: Scenario, parameters: Record<string, number> = {}) =>
  queryOptions({
    queryKey: [...flowKeys.previews(flowId), scenario.id, parameters] as const,
    queryFn: ({ signal }) => {
      const { id: _id, name, ...rest } = scenario;
      return apiSend<Preview>('POST', `${path(flowId)}/preview`, { scenario: { name, ...rest }, parameters }, { signal });
    },
  });

/** A published version never changes: loaded once. */
export const flowVersionQuery = (flowId: string, version: number) =>
  queryOptions({
    queryKey: [...flowKeys.detail(flowId), 'versions', version] as const,
    queryFn: ({ signal }) => apiGet<FlowVersion>(`${path(flowId)}/versions/${version}`, { signal }),
    staleTime: Infinity,
  });

/** `filter` is the page's query string (flow, version, status, state, page): part of the key, so a new filter cancels the old request. */
export const instancesQuery = (filter: string) =>
  queryOptions({
    queryKey: [...instanceKeys.all, 'list', filter] as const,
    queryFn: ({ signal }) => apiGet<FlowInstancePage>(`/api/flow-instances?${filter}`, { signal }),
  });

export const instanceQuery = (id: string) =>
  queryOptions({ queryKey: [...instanceKeys.all, 'detail', id] as const, queryFn: ({ signal }) => apiGet<InstanceDetail>(`/api/flow-instances/${encodeURIComponent(id)}`, { signal }) });

export const tasksQuery = () => queryOptions({ queryKey: taskKeys.all, queryFn: ({ signal }) => apiGet<TaskList>('/api/tasks', { signal }) });

/** The application a task is about (its answers): under the task's key, so deciding reads it again. */
export const taskSubjectQuery = (taskId: string) =>
  queryOptions({ queryKey: [...taskKeys.all, 'subject', taskId] as const, queryFn: ({ signal }) => apiGet<TaskSubject>(`/api/tasks/${encodeURIComponent(taskId)}/subject`, { signal }) });
