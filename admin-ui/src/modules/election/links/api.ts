// The task links' admin API (engine/modules/election/routes/links.ts): an election's links, make one, revoke one.
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import type { ElectionLinkCreate } from '../../../../../schemas/types/election-link-create';
import type { ElectionLinkList } from '../../../../../schemas/types/election-link-list';
import type { ElectionLink } from '../../../../../schemas/types/election-link-record';

export type Link = ElectionLink;
export type LinkInput = ElectionLinkCreate;
export type LinkKind = ElectionLink['kind'];
export const LINK_KINDS: readonly LinkKind[] = ['tasks', 'team', 'task'];

const linksPath = (electionId: string) => `/api/election/elections/${encodeURIComponent(electionId)}/links`;

export const linkKeys = { list: (electionId: string) => ['election', 'links', electionId] as const };

export const linksQuery = (electionId: string) => queryOptions({ queryKey: linkKeys.list(electionId), queryFn: ({ signal }) => apiGet<ElectionLinkList>(linksPath(electionId), { signal }) });

export const createLink = (electionId: string, body: LinkInput) => apiSend<Link>('POST', linksPath(electionId), body);

export const revokeLink = (electionId: string, linkId: string) => apiSend<void>('DELETE', `${linksPath(electionId)}/${encodeURIComponent(linkId)}`);
