// The audit log and its chain check as query options.
import { queryOptions } from '@tanstack/react-query';
import type { AuditChainReport } from '../../../schemas/types/api-audit-chain-report';
import type { AuditLogPage } from '../../../schemas/types/api-audit-log-page';
import { apiGet } from '../../../forms/ui/api';

export type ChainReport = AuditChainReport;

export const AUDIT_PAGE_SIZE = 25;

/** `filter` is the page's query string (actor, action, entity, from, to, page): part of the key, so a new filter cancels the old request. */
export const auditLogQuery = (filter: string) =>
  queryOptions({
    queryKey: ['audit-log', 'page', filter] as const,
    queryFn: ({ signal }) => {
      const q = new URLSearchParams(filter);
      q.set('pageSize', String(AUDIT_PAGE_SIZE));
      return apiGet<AuditLogPage>(`/api/audit-log?${q}`, { signal });
    },
  });

export const chainQuery = () => queryOptions({ queryKey: ['audit-log', 'verification'] as const, queryFn: ({ signal }) => apiGet<ChainReport>('/api/audit-log/verification', { signal }) });
