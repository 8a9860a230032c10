// The deletion after the election (admin site only): the tenant's settings (months after election day, at most
// 12; how long a consent keeps a person), an election's review — dates, phase, counts and the list of who will
// be deleted and who is kept and why — and its one postponement with a reason. The deletion itself runs as the
// election's workflow (workflows/election/post-election-deletion/).
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionRetentionPostpone } from '../../../../schemas/types/election-retention-postpone';
import type { ElectionRetentionPostponed } from '../../../../schemas/types/election-retention-postponed';
import type { ElectionRetentionReview } from '../../../../schemas/types/election-retention-review';
import type { ElectionRetentionSettings } from '../../../../schemas/types/election-retention-settings';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { postponeRetention, updateRetentionSettings } from '../retention/commands';
import { getRetentionReview, getRetentionSettings } from '../retention/queries';
import { onSite, type ElectionRouteDeps } from './context';

const TAGS = ['Election staffing: deletion after the election'];
const SETTINGS = 'election/retention-settings.schema.json';

export function retentionRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ response: ElectionRetentionSettings }>({
      method: 'GET',
      path: '/election/retention-settings',
      summary: 'The deletion after the election: the tenant’s settings',
      tags: TAGS,
      responses: { 200: SETTINGS },
      handler: async ({ actor, req }) => {
        onSite(req, 'admin');
        return getRetentionSettings(deps, { tenantId: actor.tenantId, actor });
      },
    }),
    defineRoute<{ body: unknown; response: ElectionRetentionSettings }>({
      method: 'PUT',
      path: '/election/retention-settings',
      summary: 'Change the deletion after the election’s settings',
      description: 'monthsAfterElection 1–12 (the upper bound of the law’s “no longer than necessary” as read here), consentMonths 1–60; else 400 election.retentionTooLong naming the field. Audited (election.retentionSettingsChanged).',
      tags: TAGS,
      body: SETTINGS,
      responses: { 200: SETTINGS },
      handler: async ({ body, ctx, req }) => {
        onSite(req, 'admin');
        return updateRetentionSettings(deps, ctx, body as ElectionRetentionSettings);
      },
    }),
    defineRoute<{ params: IdParams; response: ElectionRetentionReview }>({
      method: 'GET',
      path: '/election/elections/:id/retention',
      summary: 'An election’s deletion after the election and its review list',
      description: 'Before the deletion starts, the list is decided as the deletion would decide today; after, as it did (those deleted are no longer listed).',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      responses: { 200: 'election/retention-review.schema.json' },
      handler: async ({ params, actor, req }) => {
        onSite(req, 'admin');
        return getRetentionReview(deps, { tenantId: actor.tenantId, actor }, params.id);
      },
    }),
    defineRoute<{ params: IdParams; body: unknown; response: ElectionRetentionPostponed }>({
      method: 'POST',
      path: '/election/elections/:id/retention/postponement',
      summary: 'Postpone an election’s deletion once, with a reason',
      description:
        'until: after the current deletion date and no later than the latest (400 election.retentionPostponeDate naming /until); reason 1–500 characters without personal data (400 election.retentionReasonMissing). A second postponement: 409 election.retentionAlreadyPostponed; after the deletion started: 409 election.retentionStarted. Audited (election.retentionPostponed, the reason’s length only).',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      body: 'election/retention-postpone.schema.json',
      responses: { 200: 'election/retention-postponed.schema.json' },
      handler: async ({ params, body, ctx, req }) => {
        onSite(req, 'admin');
        return postponeRetention(deps, ctx, params.id, body as ElectionRetentionPostpone);
      },
    }),
  ];
}
