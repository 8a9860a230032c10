// Message templates, their preview, the communication log and the development outbox as query options.
import { queryOptions } from '@tanstack/react-query';
import type { Communication as CommunicationAnswer, CommunicationList } from '../../../schemas/types/api-communication-list';
import type { DevOutbox, OutboxMessage as OutboxMessageAnswer } from '../../../schemas/types/api-dev-outbox';
import type { MessagePreview } from '../../../schemas/types/api-message-preview';
import type { MessageTemplate, MessageTemplateList } from '../../../schemas/types/api-message-template-list';
import { apiGet } from '../../../forms/ui/api';

export type Locale = 'da' | 'sv' | 'en';

// The answers' types are generated from the response schemas the server is checked against (schemas/api/).
export type Template = MessageTemplate;
export type Communication = CommunicationAnswer;
export type OutboxMessage = OutboxMessageAnswer;

export const templateKeys = { all: ['message-templates'] as const };
export const communicationKeys = { all: ['communications'] as const };

export const templatesQuery = () =>
  queryOptions({ queryKey: [...templateKeys.all, 'list'] as const, queryFn: ({ signal }) => apiGet<MessageTemplateList>('/api/message-templates', { signal }) });

export const templatePreviewQuery = (key: string, locale: Locale) =>
  queryOptions({
    queryKey: [...templateKeys.all, 'preview', key, locale] as const,
    queryFn: ({ signal }) => apiGet<MessagePreview>(`/api/message-templates/${encodeURIComponent(key)}/preview?locale=${locale}`, { signal }),
  });

export const communicationsQuery = () => queryOptions({ queryKey: communicationKeys.all, queryFn: ({ signal }) => apiGet<CommunicationList>('/api/communications', { signal }) });

export const outboxQuery = () => queryOptions({ queryKey: ['outbox'] as const, queryFn: ({ signal }) => apiGet<DevOutbox>('/api/dev/outbox', { signal }) });
