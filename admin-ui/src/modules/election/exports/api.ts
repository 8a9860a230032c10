// The exports page's API (engine/modules/election/routes/exports.ts): the mapping of task types to the national
// election system's role names, the election's file for that system and a polling station's printed list.
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import { ProblemError } from '../../../../../forms/ui/problem';
import type { Problem } from '../../../../../schemas/types/api-problem';
import type { ElectionSystemRoleList } from '../../../../../schemas/types/election-election-system-role-list';
import type { ElectionSystemRoles } from '../../../../../schemas/types/election-election-system-roles';

export type RoleMapping = ElectionSystemRoleList['items'][number];

/** The role names Valg Central's import accepts (OS2valghalla's guide): offered as suggestions, any text allowed. */
export const SUGGESTED_ROLES = ['Tilforordnet', 'Valgsekretær'] as const;

const ROLES = '/api/election/election-system-roles';
export const exportKeys = { roles: ['election', 'election-system-roles'] as const };

export const rolesQuery = () => queryOptions({ queryKey: exportKeys.roles, queryFn: ({ signal }) => apiGet<ElectionSystemRoleList>(ROLES, { signal }) });
export const saveRoles = (body: ElectionSystemRoles) => apiSend<ElectionSystemRoleList>('PUT', ROLES, body);

const electionPath = (electionId: string) => `/api/election/elections/${encodeURIComponent(electionId)}`;
export const electionSystemExportUrl = (electionId: string) => `${electionPath(electionId)}/election-system-export`;
export const printListUrl = (electionId: string, workLocationId: string, date: string) => `${electionPath(electionId)}/work-locations/${encodeURIComponent(workLocationId)}/print.pdf?date=${encodeURIComponent(date)}`;

async function problemOf(res: Response): Promise<ProblemError> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (typeof body.code === 'string' && typeof body.title === 'string') return new ProblemError({ type: 'about:blank', status: res.status, ...body } as Problem);
  } catch {
    // not problem+json
  }
  return new ProblemError({ type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status, code: res.status >= 500 ? 'internal_error' : 'unknown' });
}

function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/** Fetches the election's file and saves it; a refusal (e.g. 409 election.rolesUnmapped) is thrown as a ProblemError. */
export async function downloadElectionSystemFile(electionId: string): Promise<string> {
  const res = await fetch(electionSystemExportUrl(electionId), { headers: { accept: 'text/csv' } });
  if (!res.ok) throw await problemOf(res);
  const fileName = fileNameOf(res, 'valgsystem.csv');
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}
