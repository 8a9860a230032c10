// Election staffing's admin API as query options (engine/modules/election/routes/config.ts and elections.ts):
// each query's key and loader in one place, so a change invalidates every query of its kind by its key.
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../../forms/ui/api';
import { ProblemError } from '../../../../forms/ui/problem';
import type { ElectionArea } from '../../../../schemas/types/election-config-area-record';
import type { ElectionAreaInput } from '../../../../schemas/types/election-config-area';
import type { ElectionType } from '../../../../schemas/types/election-config-election-type-record';
import type { ElectionTypeInput, ElectionTypeRules } from '../../../../schemas/types/election-config-election-type';
import type { ElectionSite } from '../../../../schemas/types/election-config-site-record';
import type { ElectionSiteInput } from '../../../../schemas/types/election-config-site';
import type { ElectionSpecialDiet } from '../../../../schemas/types/election-config-special-diet-record';
import type { ElectionSpecialDietInput } from '../../../../schemas/types/election-config-special-diet';
import type { ElectionTaskType, ElectionTaskTypeFile } from '../../../../schemas/types/election-config-task-type-record';
import type { ElectionTaskTypeInput } from '../../../../schemas/types/election-config-task-type';
import type { ElectionTeam } from '../../../../schemas/types/election-config-team-record';
import type { ElectionTeamInput } from '../../../../schemas/types/election-config-team';
import type { ElectionWorkLocation } from '../../../../schemas/types/election-config-work-location-record';
import type { ElectionWorkLocationInput } from '../../../../schemas/types/election-config-work-location';
import type { ElectionList, ElectionListItem } from '../../../../schemas/types/election-election-list';

// The answers' and bodies' types are generated from the schemas the server checks them with (schemas/election/).
export type { ElectionList, ElectionListItem, ElectionSite, ElectionSiteInput, ElectionType };
export type Area = ElectionArea;
export type WorkLocation = ElectionWorkLocation;
export type TaskType = ElectionTaskType;
export type TaskTypeFile = ElectionTaskTypeFile;
export type Team = ElectionTeam;
export type SpecialDiet = ElectionSpecialDiet;
export type ElectionTypeRule = ElectionTypeRules[number];

/** The kinds of configuration, each its own list under /api/election/<kind> and its own pages. */
export const CONFIG_KINDS = ['areas', 'work-locations', 'task-types', 'teams', 'special-diets', 'election-types'] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];

export interface ConfigRows {
  areas: Area;
  'work-locations': WorkLocation;
  'task-types': TaskType;
  teams: Team;
  'special-diets': SpecialDiet;
  'election-types': ElectionType;
}

/** What POST and PUT take, per kind. */
export interface ConfigInputs {
  areas: ElectionAreaInput;
  'work-locations': ElectionWorkLocationInput;
  'task-types': ElectionTaskTypeInput;
  teams: ElectionTeamInput;
  'special-diets': ElectionSpecialDietInput;
  'election-types': ElectionTypeInput;
}
export type ConfigInput<K extends ConfigKind> = ConfigInputs[K];

export const CHOOSABLE_RULES = ['age18', 'resident', 'citizenship', 'notDisenfranchised'] as const;
export const CITIZENSHIP_SCOPES = ['national', 'nationalEuNordic'] as const;
export type RuleName = (typeof CHOOSABLE_RULES)[number];
export type CitizenshipScope = (typeof CITIZENSHIP_SCOPES)[number];

export const SITE_LOCALES = ['da', 'sv', 'en'] as const;
export type SiteLocale = (typeof SITE_LOCALES)[number];

/** A platform form as GET /api/forms lists it (its kind decides where it may be chosen). */
export interface FormSummary {
  id: string;
  kind: string;
  name: string;
  latestVersion: number;
}

export const electionKeys = {
  all: ['election'] as const,
  elections: ['election', 'elections'] as const,
  current: ['election', 'elections', 'current'] as const,
  election: (id: string) => ['election', 'elections', 'detail', id] as const,
  config: (kind: ConfigKind) => ['election', 'config', kind] as const,
  item: (kind: ConfigKind, id: string) => ['election', 'config', kind, 'item', id] as const,
  site: ['election', 'site'] as const,
  forms: ['election', 'forms'] as const,
};

const API = '/api/election';
const itemPath = (kind: ConfigKind, id: string) => `${API}/${kind}/${encodeURIComponent(id)}`;

/** A list answer as the routes give it: `{ items: [...] }` (or a bare array). */
function itemsOf<T>(answer: { items: T[] } | T[]): T[] {
  return Array.isArray(answer) ? answer : answer.items;
}

export const electionsQuery = () =>
  queryOptions({ queryKey: electionKeys.elections, queryFn: async ({ signal }) => itemsOf(await apiGet<ElectionList>(`${API}/elections`, { signal })) });

/** The election the admin site works in unless the browser chose another; null when the tenant has none. */
export const currentElectionQuery = () =>
  queryOptions({
    queryKey: electionKeys.current,
    queryFn: async ({ signal }) => {
      try {
        const answer = await apiGet<ElectionListItem | { election: ElectionListItem | null } | null>(`${API}/elections/current`, { signal });
        if (answer && 'election' in answer) return answer.election;
        return answer ?? null;
      } catch (error) {
        if (error instanceof ProblemError && error.problem.status === 404) return null;
        throw error;
      }
    },
  });

export const configListQuery = <K extends ConfigKind>(kind: K) =>
  queryOptions({ queryKey: electionKeys.config(kind), queryFn: async ({ signal }) => itemsOf(await apiGet<{ items: ConfigRows[K][] } | ConfigRows[K][]>(`${API}/${kind}`, { signal })) });

export const configItemQuery = <K extends ConfigKind>(kind: K, id: string) =>
  queryOptions({ queryKey: electionKeys.item(kind, id), queryFn: ({ signal }) => apiGet<ConfigRows[K]>(itemPath(kind, id), { signal }) });

export const createConfigItem = <K extends ConfigKind>(kind: K, body: ConfigInput<K>) => apiSend<{ id: string }>('POST', `${API}/${kind}`, body);
export const updateConfigItem = <K extends ConfigKind>(kind: K, id: string, body: ConfigInput<K>) => apiSend<ConfigRows[K]>('PUT', itemPath(kind, id), body);
export const deleteConfigItem = (kind: ConfigKind, id: string) => apiSend<void>('DELETE', itemPath(kind, id));

export const taskTypeFilesPath = (taskTypeId: string) => `${itemPath('task-types', taskTypeId)}/files`;
export const taskTypeFilePath = (taskTypeId: string, fileId: string) => `${taskTypeFilesPath(taskTypeId)}/${encodeURIComponent(fileId)}`;

export const uploadTaskTypeFile = (taskTypeId: string, body: { fileName: string; contentBase64: string }) => apiSend<TaskTypeFile>('POST', taskTypeFilesPath(taskTypeId), body);
export const deleteTaskTypeFile = (taskTypeId: string, fileId: string) => apiSend<void>('DELETE', taskTypeFilePath(taskTypeId, fileId));

/** The types a task type's file may have (the server sniffs the bytes; the table allows exactly these). */
export const TASK_TYPE_FILE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
};
export const TASK_TYPE_FILE_ACCEPT = '.pdf,.odt,.docx,application/pdf,application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The largest file a task type takes, decoded (schemas/election/config-task-type-file.schema.json). */
export const MAX_TASK_TYPE_FILE_BYTES = 5 * 1024 * 1024;

export const siteQuery = () => queryOptions({ queryKey: electionKeys.site, queryFn: ({ signal }) => apiGet<ElectionSite>(`${API}/site`, { signal }) });
export const saveSite = (body: ElectionSiteInput) => apiSend<ElectionSite>('PUT', `${API}/site`, body);

/** The tenant's forms of one kind (GET /api/forms lists every form with its kind). */
export const formsOfKindQuery = (kind: string) =>
  queryOptions({
    queryKey: [...electionKeys.forms, kind] as const,
    queryFn: async ({ signal }) => (await apiGet<{ forms: FormSummary[] }>('/api/forms', { signal })).forms.filter((f) => f.kind === kind),
  });
