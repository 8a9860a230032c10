// Message templates, their preview, the communication log and the development outbox as query options.
import { queryOptions } from '@tanstack/react-query';
import type { Communication as CommunicationAnswer, CommunicationList } from '../../../schemas/types/api-communication-list';
import type { CommunicationAttempt as AttemptAnswer, CommunicationDetail } from '../../../schemas/types/api-communication-detail';
import type { DevOutbox, OutboxMessage as OutboxMessageAnswer } from '../../../schemas/types/api-dev-outbox';
import type { MessagePreview } from '../../../schemas/types/api-message-preview';
import type { MessageTemplate, MessageTemplateList } from '../../../schemas/types/api-message-template-list';
import type { TemplatePreviewChoices } from '../../../schemas/types/api-template-preview-choices';
import { apiGet } from '../../../forms/ui/api';

export type Locale = 'da' | 'sv' | 'en';

// The answers' types are generated from the response schemas the server is checked against (schemas/api/).
export type Template = MessageTemplate;
export type Communication = CommunicationAnswer;
export type CommunicationAttempt = AttemptAnswer;
export type OutboxMessage = OutboxMessageAnswer;

export const templateKeys = { all: ['message-templates'] as const };
export const communicationKeys = { all: ['communications'] as const };

export const templatesQuery = () =>
  queryOptions({ queryKey: [...templateKeys.all, 'list'] as const, queryFn: ({ signal }) => apiGet<MessageTemplateList>('/api/message-templates', { signal }) });

/** A template rendered with sample data, or with a module's real row (a person and one of their details). */
export interface PreviewRow {
  module: string;
  subjectId: string;
  detailId?: string;
}

export const templatePreviewQuery = (key: string, locale: Locale, row?: PreviewRow) =>
  queryOptions({
    queryKey: [...templateKeys.all, 'preview', key, locale, row?.module ?? '', row?.subjectId ?? '', row?.detailId ?? ''] as const,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ locale, ...(row ? { module: row.module, subjectId: row.subjectId, ...(row.detailId ? { detailId: row.detailId } : {}) } : {}) });
      return apiGet<MessagePreview>(`/api/message-templates/${encodeURIComponent(key)}/preview?${params.toString()}`, { signal });
    },
  });

/** The rows of a module the template editor may preview with, matching a search. */
export const templatePreviewChoicesQuery = (module: string, search: string) =>
  queryOptions({
    queryKey: [...templateKeys.all, 'choices', module, search] as const,
    queryFn: ({ signal }) => apiGet<TemplatePreviewChoices>(`/api/message-template-preview-choices?${new URLSearchParams({ module, search }).toString()}`, { signal }),
  });

/** `search`: the log's filters as a query string (channel, status, template, from, to, ref=key=value). */
export const communicationsQuery = (search = '') =>
  queryOptions({ queryKey: [...communicationKeys.all, 'list', search] as const, queryFn: ({ signal }) => apiGet<CommunicationList>(`/api/communications${search ? `?${search}` : ''}`, { signal }) });

export const communicationDetailQuery = (id: string) =>
  queryOptions({ queryKey: [...communicationKeys.all, 'detail', id] as const, queryFn: ({ signal }) => apiGet<CommunicationDetail>(`/api/communications/${encodeURIComponent(id)}`, { signal }) });

export const outboxQuery = () => queryOptions({ queryKey: ['outbox'] as const, queryFn: ({ signal }) => apiGet<DevOutbox>('/api/dev/outbox', { signal }) });
