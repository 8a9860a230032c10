// The petitions' public API (the tenant's public site): propose without login (rate-limited), confirm the
// e-mail, edit a returned proposal, the list, a petition, its PDFs, the Atom feed and the open data; and for a
// citizen logged in with e-ID, their vote (GET/POST/DELETE), after the eligibility check (voter.ts).
// Fixed paths come before /petitions/:id, which would match them.
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { PetitionAttachmentParams } from '../../../../schemas/types/petitions-attachment-params';
import type { PetitionDetail } from '../../../../schemas/types/petitions-detail';
import type { PetitionEditQuery } from '../../../../schemas/types/petitions-edit-query';
import type { PetitionList } from '../../../../schemas/types/petitions-list';
import type { PetitionListQuery } from '../../../../schemas/types/petitions-list-query';
import type { PetitionMyVote } from '../../../../schemas/types/petitions-my-vote';
import type { PetitionOpenData } from '../../../../schemas/types/petitions-open-data';
import type { PetitionProposal } from '../../../../schemas/types/petitions-propose';
import type { PetitionProposed } from '../../../../schemas/types/petitions-proposed';
import type { PetitionResubmission } from '../../../../schemas/types/petitions-resubmit';
import type { PetitionReturned } from '../../../../schemas/types/petitions-returned';
import type { PetitionStatusChange } from '../../../../schemas/types/petitions-status';
import type { PetitionToken } from '../../../../schemas/types/petitions-token';
import type { PetitionVoteCount } from '../../../../schemas/types/petitions-vote-count';
import type { FormVersion } from '../../../../schemas/types/api-form-version';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { loadFormVersion } from '../../../queries/forms';
import { loadTenant } from '../../../queries/tenant';
import { loadPublicHost, publicOriginFor } from '../../../queries/site';
import { castVote } from '../commands/cast-vote';
import { confirmPetitionEmail } from '../commands/confirm-petition-email';
import { proposePetition } from '../commands/propose-petition';
import { resubmitPetition } from '../commands/resubmit-petition';
import { withdrawVote } from '../commands/withdraw-vote';
import { PROPOSER_EMAIL } from '../content';
import { atomFeed, openDataCsv, presentDetail, presentList, presentMyVote, presentOpenData, presentReturned } from '../presenters';
import { listPublicPetitions, type ListPetitionsInput } from '../queries/list-petitions';
import { myVote } from '../queries/my-vote';
import { openDataRows, openDataVoteDays } from '../queries/open-data';
import { petitionAttachment, petitionDetail } from '../queries/petition-detail';
import { ANYONE } from '../voter-rules';
import { onSite, publicViewer, type PetitionRouteDeps } from './context';
import { assertPublished, feedEntries, petitionFormId, returnedProposal } from './queries';
import { VoterResolver } from './voter';

const TAGS = ['Petitions'];
const ID = 'api/id-params.schema.json';

const STATE: Record<PetitionListQuery['state'] & string, ListPetitionsInput['state']> = { open: 'open', handling: 'inHandling', answered: 'answered', all: 'all' };
const SORT: Record<PetitionListQuery['sort'] & string, ListPetitionsInput['sort']> = { newest: 'newest', votes: 'mostVotes', closing: 'closingSoon' };

/** `attachment; filename=…` for a name that may hold any Unicode (RFC 6266 / 8187). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7E]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function publicPetitionRoutes(deps: PetitionRouteDeps): RouteSpec[] {
  const { db } = deps;
  return [
    defineRoute<{ body: PetitionProposal; response: PetitionProposed }>({
      method: 'POST',
      path: '/petitions',
      summary: 'Propose a petition (no login)',
      description:
        'The answers of the tenant’s published petition form, the proposer’s name and e-mail among them. Stored awaiting the confirmation of the e-mail address: the confirmation link goes to that address only, never in this answer. At most a few proposals per client address and per e-mail address an hour: over that, 429 with Retry-After and nothing stored.',
      tags: TAGS,
      body: 'petitions/propose.schema.json',
      responses: { 202: 'petitions/proposed.schema.json' },
      handler: async ({ body, ctx, req }) => {
        onSite(req, 'public');
        const email = body.answers[PROPOSER_EMAIL];
        await deps.limits.proposal(ctx.tenantId, req.ip ?? req.socket.remoteAddress ?? 'unknown', typeof email === 'string' ? email : undefined);
        const proposed = await proposePetition(deps, ctx, { ...(body.formId ? { formId: body.formId } : {}), answers: body.answers });
        // The confirmation link reaches the proposer by e-mail only: the petition's flow sends it (sealed on the
        // petition until then, mail-link.ts). proposed.confirmToken must never go into this answer or a log.
        // TODO: drop confirmToken from proposePetition's result once no test of the data layer reads it there.
        return { id: proposed.id, status: 'awaitingConfirmation' };
      },
    }),
    defineRoute<{ body: PetitionToken; response: PetitionStatusChange }>({
      method: 'POST',
      path: '/petitions/confirm',
      summary: 'Confirm the proposer’s e-mail address',
      description: 'With the token of the link sent to the address; the proposal then waits for moderation. The link works once; an unknown token answers 404, an expired one 409 (petition.tokenExpired).',
      tags: TAGS,
      body: 'petitions/token.schema.json',
      responses: { 200: 'petitions/status.schema.json' },
      handler: async ({ body, ctx, req }) => {
        onSite(req, 'public');
        return confirmPetitionEmail(deps, ctx, body.token);
      },
    }),
    defineRoute<{ query: PetitionEditQuery; response: PetitionReturned }>({
      method: 'GET',
      path: '/petitions/edit',
      summary: 'A returned proposal, for its edit page',
      description: 'By the token of the edit link (in the query string, which the server does not log): the answers and the moderator’s message.',
      tags: TAGS,
      query: 'petitions/edit-query.schema.json',
      responses: { 200: 'petitions/returned.schema.json' },
      handler: async ({ query, ctx, req }) => {
        onSite(req, 'public');
        return presentReturned(await returnedProposal(deps, ctx, query.token));
      },
    }),
    defineRoute<{ body: PetitionResubmission; response: PetitionStatusChange }>({
      method: 'PUT',
      path: '/petitions/edit',
      summary: 'Resubmit a returned proposal',
      description: 'The changed answers, checked against the form version the proposal was made with; it goes back to the moderation queue and the edit link stops working.',
      tags: TAGS,
      body: 'petitions/resubmit.schema.json',
      responses: { 200: 'petitions/status.schema.json' },
      handler: async ({ body, ctx, req }) => {
        onSite(req, 'public');
        const { id } = await resubmitPetition(deps, ctx, body.token, body.answers);
        return { id, status: 'awaitingModeration' };
      },
    }),
    defineRoute<{ response: string }>({
      method: 'GET',
      path: '/petitions/feed.atom',
      summary: 'Atom feed of new and answered petitions',
      description: 'Atom 1.0, in the tenant’s language, newest first (at most 50 entries).',
      tags: TAGS,
      responses: { 200: { raw: 'application/atom+xml', description: 'An Atom 1.0 feed' } },
      handler: async ({ tenantId, req }) => {
        const [tenant, entries] = await Promise.all([loadTenant(db, tenantId), feedEntries(deps, publicViewer(tenantId))]);
        // The entries link to the public site's pages, also when the feed is read on the admin site.
        const publicHost = req.tenant!.site === 'admin' ? await loadPublicHost(db, tenantId) : undefined;
        const origin = publicHost ? publicOriginFor(publicHost, req.protocol, req.get('host')) : `${req.protocol}://${req.get('host')}`;
        return atomFeed(entries, { origin, tenantName: tenant.name, locale: tenant.defaultLocale });
      },
    }),
    defineRoute<{ response: PetitionOpenData }>({
      method: 'GET',
      path: '/petitions/open-data.json',
      summary: 'Open data: every published petition, no personal data',
      tags: TAGS,
      responses: { 200: 'petitions/open-data.schema.json' },
      handler: async ({ tenantId, res }) => {
        const viewer = publicViewer(tenantId);
        const [rows, days] = await Promise.all([openDataRows(deps, viewer), openDataVoteDays(deps, viewer)]);
        res.set('Access-Control-Allow-Origin', '*');
        return presentOpenData(rows, days);
      },
    }),
    defineRoute<{ response: string }>({
      method: 'GET',
      path: '/petitions/open-data.csv',
      summary: 'Open data as CSV: every published petition, no personal data',
      description: 'The fields of open-data.json (PetitionOpenData) but the votes per day, one row per petition, in snake_case columns; thresholds_reached joined by ";".',
      tags: TAGS,
      responses: { 200: { raw: 'text/csv', description: 'CSV (RFC 4180, UTF-8 with BOM), a header row first' } },
      handler: async ({ tenantId, res }) => {
        res.set('Content-Disposition', 'attachment; filename="petitions.csv"').set('Access-Control-Allow-Origin', '*');
        return openDataCsv(await openDataRows(deps, publicViewer(tenantId)));
      },
    }),
    defineRoute<{ response: FormVersion }>({
      method: 'GET',
      path: '/petitions/form',
      summary: 'The petition form a proposal is made with',
      description: 'The newest published version of the tenant’s petition form (kind petitionForm; the oldest such form when there are several), as the proposal page renders it.',
      tags: TAGS,
      responses: { 200: 'api/form-version.schema.json' },
      handler: async ({ ctx, req }) => {
        onSite(req, 'public');
        return (await loadFormVersion(deps.db, ctx.actor, await petitionFormId(deps, ctx.tenantId), 'latest')) as FormVersion;
      },
    }),
    defineRoute<{ query: PetitionListQuery; response: PetitionList }>({
      method: 'GET',
      path: '/petitions',
      summary: 'Published petitions',
      tags: TAGS,
      query: 'petitions/list-query.schema.json',
      responses: { 200: 'petitions/list.schema.json' },
      handler: async ({ query, tenantId }) => {
        const page = query.page ?? 1;
        const limit = query.limit ?? 20;
        const result = await listPublicPetitions(deps, publicViewer(tenantId), {
          state: STATE[query.state ?? 'all'],
          sort: SORT[query.sort ?? 'newest'],
          ...(query.q ? { q: query.q } : {}),
          limit,
          offset: (page - 1) * limit,
        });
        return presentList(result, page, limit);
      },
    }),
    defineRoute<{ params: IdParams; response: PetitionDetail }>({
      method: 'GET',
      path: '/petitions/:id',
      summary: 'One published petition',
      description: 'The proposal, the count, the next threshold, the days left, the votes per day and the timeline. Unpublished petitions answer 404 here (moderators read them at /api/admin/petitions/{id}).',
      tags: TAGS,
      params: ID,
      responses: { 200: 'petitions/detail.schema.json' },
      handler: async ({ params, tenantId }) => presentDetail(await petitionDetail(deps, publicViewer(tenantId), params.id)),
    }),
    defineRoute<{ params: PetitionAttachmentParams; response: Buffer }>({
      method: 'GET',
      path: '/petitions/:id/attachments/:eventId',
      summary: 'The PDF of a timeline post',
      tags: TAGS,
      params: 'petitions/attachment-params.schema.json',
      responses: { 200: { raw: 'application/pdf', description: 'The PDF' } },
      handler: async ({ params, tenantId, res }) => {
        const file = await petitionAttachment(deps, publicViewer(tenantId), params.id, params.eventId);
        res.set('Content-Disposition', contentDisposition(file.name));
        return file.data;
      },
    }),
    defineRoute<{ params: IdParams; response: PetitionMyVote }>({
      method: 'GET',
      path: '/petitions/:id/my-vote',
      summary: 'My vote for a petition',
      description: 'For a citizen logged in with e-ID: whether the petition is open, whether I voted and may withdraw, and whether I may vote at all (the refusal’s code when not).',
      tags: TAGS,
      params: ID,
      responses: { 200: 'petitions/my-vote.schema.json' },
      handler: async ({ params, ctx, actor, req }) => {
        onSite(req, 'public');
        // Published petitions only (404 otherwise), like the detail.
        await assertPublished(deps, publicViewer(ctx.tenantId), params.id);
        const { voter, refusal } = await deps.voters.resolve(req, actor, await deps.voters.rulesFor(ctx.tenantId, params.id));
        return presentMyVote(await myVote(deps, ctx, params.id, voter), refusal);
      },
    }),
    defineRoute<{ params: IdParams; response: PetitionVoteCount }>({
      method: 'POST',
      path: '/petitions/:id/vote',
      summary: 'Vote for a petition',
      description: 'For a citizen logged in with e-ID who meets the voting rules (403 with petition.voter.* otherwise). One vote per person: a second answers 409 petition.alreadyVoted.',
      tags: TAGS,
      params: ID,
      responses: { 201: 'petitions/vote-count.schema.json' },
      handler: async ({ params, ctx, actor, req }) => {
        onSite(req, 'public');
        const { voter, refusal } = await deps.voters.resolve(req, actor, await deps.voters.rulesFor(ctx.tenantId, params.id));
        if (refusal) VoterResolver.refuse(refusal);
        const { votes } = await castVote(deps, ctx, params.id, voter);
        return { votes };
      },
    }),
    defineRoute<{ params: IdParams; response: PetitionVoteCount }>({
      method: 'DELETE',
      path: '/petitions/:id/vote',
      summary: 'Withdraw my vote',
      description: 'While the vote window is open; 409 petition.notVoted when there is none.',
      tags: TAGS,
      params: ID,
      responses: { 200: 'petitions/vote-count.schema.json' },
      handler: async ({ params, ctx, actor, req }) => {
        onSite(req, 'public');
        const { voter } = await deps.voters.resolve(req, actor, ANYONE);
        return withdrawVote(deps, ctx, params.id, voter);
      },
    }),
  ];
}
