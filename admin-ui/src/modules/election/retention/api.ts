// The deletion-after-the-election page's API (engine/modules/election/routes/retention.ts).
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import type { ElectionRetentionPostpone } from '../../../../../schemas/types/election-retention-postpone';
import type { ElectionRetentionPostponed } from '../../../../../schemas/types/election-retention-postponed';
import type { ElectionRetentionReview } from '../../../../../schemas/types/election-retention-review';
import type { ElectionRetentionSettings } from '../../../../../schemas/types/election-retention-settings';

export type RetentionReview = ElectionRetentionReview;
export type RetentionSettings = ElectionRetentionSettings;

const SETTINGS = '/api/election/retention-settings';
const reviewPath = (electionId: string) => `/api/election/elections/${encodeURIComponent(electionId)}/retention`;

export const retentionKeys = { settings: ['election', 'retention-settings'] as const, review: (electionId: string) => ['election', 'retention', electionId] as const };

export const settingsQuery = () => queryOptions({ queryKey: retentionKeys.settings, queryFn: ({ signal }) => apiGet<RetentionSettings>(SETTINGS, { signal }) });
export const saveSettings = (body: RetentionSettings) => apiSend<RetentionSettings>('PUT', SETTINGS, body);
export const reviewQuery = (electionId: string) => queryOptions({ queryKey: retentionKeys.review(electionId), queryFn: ({ signal }) => apiGet<RetentionReview>(reviewPath(electionId), { signal }) });
export const postpone = (electionId: string, body: ElectionRetentionPostpone) => apiSend<ElectionRetentionPostponed>('POST', `${reviewPath(electionId)}/postponement`, body);
