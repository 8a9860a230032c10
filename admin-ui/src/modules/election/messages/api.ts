// The group messages' API (engine/modules/election/routes/group-messages.ts): drafts, their preview, the send and
// the progress; a participant's communication log (the platform's log filtered by the participant's id).
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import type { ElectionGroupMessage } from '../../../../../schemas/types/election-group-message';
import type { ElectionGroupMessageCreate } from '../../../../../schemas/types/election-group-message-create';
import type { ElectionGroupMessageList } from '../../../../../schemas/types/election-group-message-list';
import type { ElectionGroupMessagePreview } from '../../../../../schemas/types/election-group-message-preview';
import type { ElectionGroupMessageStarted } from '../../../../../schemas/types/election-group-message-started';

export type { ElectionGroupMessage as GroupMessage, ElectionGroupMessageCreate as GroupMessageDraft, ElectionGroupMessagePreview as GroupMessagePreview };
export type Channel = ElectionGroupMessageCreate['channels'][number];
export const CHANNELS: readonly Channel[] = ['digitalPost', 'email', 'sms'];
export type TemplateEvent = NonNullable<ElectionGroupMessageCreate['templateEvent']>;
export const TEMPLATE_EVENTS: readonly TemplateEvent[] = ['registrationConfirmed', 'cancellationConfirmed', 'invitation', 'invitationReminder', 'taskReminder', 'invitationRetracted', 'removedFromTask', 'removedByValidation'];
export const STATUSES = ['accepted', 'invited'] as const;

const API = '/api/election/group-messages';
const item = (id: string) => `${API}/${encodeURIComponent(id)}`;

export const groupMessageKeys = {
  all: ['election', 'group-messages'] as const,
  one: (id: string) => ['election', 'group-messages', id] as const,
};

export const groupMessagesQuery = () => queryOptions({ queryKey: groupMessageKeys.all, queryFn: ({ signal }) => apiGet<ElectionGroupMessageList>(API, { signal }) });
export const groupMessageQuery = (id: string) => queryOptions({ queryKey: groupMessageKeys.one(id), queryFn: ({ signal }) => apiGet<ElectionGroupMessage>(item(id), { signal }) });

export const createDraft = (body: ElectionGroupMessageCreate) => apiSend<ElectionGroupMessage>('POST', API, body);
export const updateDraft = (id: string, body: ElectionGroupMessageCreate) => apiSend<ElectionGroupMessage>('PUT', item(id), body);
export const previewDraft = (id: string) => apiGet<ElectionGroupMessagePreview>(`${item(id)}/preview`);
export const sendDraft = (id: string) => apiSend<ElectionGroupMessageStarted>('POST', `${item(id)}/send`);
