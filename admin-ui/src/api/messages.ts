// Message templates, their preview, the communication log and the development outbox as query options.
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../../../forms/ui/api';

export type Locale = 'da' | 'sv' | 'en';

export interface Template {
  key: string;
  subject: Partial<Record<Locale, string>>;
  body: Partial<Record<Locale, string>>;
}

export interface Communication {
  id: string;
  templateKey: string;
  channel: string;
  recipient: string;
  status: string;
  createdAt: string;
}

export interface OutboxMessage {
  id: string;
  receivedAt: string;
  to: string;
  subject: string;
  text: string;
}

export const templateKeys = { all: ['message-templates'] as const };
export const communicationKeys = { all: ['communications'] as const };

export const templatesQuery = () =>
  queryOptions({ queryKey: [...templateKeys.all, 'list'] as const, queryFn: ({ signal }) => apiGet<{ templates: Template[] }>('/api/message-templates', { signal }) });

export const templatePreviewQuery = (key: string, locale: Locale) =>
  queryOptions({
    queryKey: [...templateKeys.all, 'preview', key, locale] as const,
    queryFn: ({ signal }) => apiGet<{ subject: string; body: string }>(`/api/message-templates/${encodeURIComponent(key)}/preview?locale=${locale}`, { signal }),
  });

export const communicationsQuery = () => queryOptions({ queryKey: communicationKeys.all, queryFn: ({ signal }) => apiGet<{ communications: Communication[] }>('/api/communications', { signal }) });

export const outboxQuery = () => queryOptions({ queryKey: ['outbox'] as const, queryFn: ({ signal }) => apiGet<{ messages: OutboxMessage[] }>('/api/dev/outbox', { signal }) });
