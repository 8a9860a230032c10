// The assignment routes of the admin site (administrators and provisioning: 'election.slots.manage'): who could take
// a slot, giving it (an invitation, or a direct registration), taking it back, answering an invitation on the
// person's behalf, a new invitation link, and the election's rejected tasks. Every path names the election and the
// slot; a slot of another election or tenant answers 404. Invitation links point at the tenant's public site.
import type { Request } from 'express';
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionCandidatesQuery } from '../../../../schemas/types/election-assignment-candidates-query';
import type { ElectionCandidateList } from '../../../../schemas/types/election-assignment-candidates';
import type { ElectionAssignmentCreate } from '../../../../schemas/types/election-assignment-create';
import type { ElectionInvitationLink } from '../../../../schemas/types/election-assignment-invitation-link';
import type { ElectionSlotParams } from '../../../../schemas/types/election-assignment-params';
import type { ElectionRejectionList } from '../../../../schemas/types/election-assignment-rejections';
import type { ElectionAssignmentReply } from '../../../../schemas/types/election-assignment-reply';
import type { ElectionAssignedSlot } from '../../../../schemas/types/election-assignment-slot';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { loadPublicHost, publicOriginFor } from '../../../queries/site';
import { answerInvitation } from '../commands/assignments/answer-invitation';
import { assignTask } from '../commands/assignments/assign-task';
import { invitationLink } from '../commands/assignments/invitation-link';
import { unassignTask } from '../commands/assignments/unassign-task';
import { presentCandidates, presentRejections } from '../presenters/assignments';
import { slotCandidates } from '../queries/assignments/candidates';
import { listRejections } from '../queries/assignments/rejections';
import { onSite, tenantLocale, type ElectionRouteDeps } from './context';

const TAGS = ['Election: assignments'];
const SLOT = 'election/assignment-params.schema.json';
const BASE = '/election/elections/:id/slots/:slotId';

export function assignmentRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  /** The tenant's public site as reached from this request (the admin site's scheme and port), for invitation links. */
  const publicOrigin = async (req: Request, tenantId: string): Promise<string> => {
    const host = await loadPublicHost(deps.db, tenantId);
    return host ? publicOriginFor(host, req.protocol, req.get('host')) : `${req.protocol}://${req.get('host')}`;
  };
  return [
    defineRoute<{ params: ElectionSlotParams; query: ElectionCandidatesQuery; response: ElectionCandidateList }>({
      method: 'GET',
      path: `${BASE}/candidates`,
      summary: 'Participants who could take the slot, with their eligibility and overlap for it',
      description: 'Search by name (every word), whole personal number, or its date part; at most 10, by name. Each candidate says whether the election type’s rules allow them on the slot’s date (every failing reason), which held task the slot would overlap, and whether they rejected this task type in this election.',
      tags: TAGS,
      params: SLOT,
      query: 'election/assignment-candidates-query.schema.json',
      responses: { 200: 'election/assignment-candidates.schema.json' },
      handler: async ({ ctx, params, query, req }) => {
        onSite(req, 'admin');
        return presentCandidates(await slotCandidates(deps, ctx, params.id, params.slotId, query.q));
      },
    }),
    defineRoute<{ params: ElectionSlotParams; body: ElectionAssignmentCreate; response: ElectionAssignedSlot }>({
      method: 'POST',
      path: `${BASE}/assignment`,
      summary: 'Give a vacant slot to a participant: invite them, or register them directly',
      description:
        'Invites (state invited, the invitation message queued, the answer with the invitation link) or with registerDirectly accepts at once (registrationConfirmed queued). 409 election.slotTaken when the slot is not vacant, election.notEligible {reasons}, election.overlap {date,start,end}, election.rejectedBefore {taskTypeId}; 400 election.unknownId on /participantId. Audited election.taskAssigned.',
      tags: TAGS,
      params: SLOT,
      body: 'election/assignment-create.schema.json',
      responses: { 201: 'election/assignment-slot.schema.json' },
      handler: async ({ ctx, params, body, req, tenantId }) => {
        onSite(req, 'admin');
        return assignTask(deps, ctx, params.id, params.slotId, body, { publicOrigin: await publicOrigin(req, tenantId), locale: await tenantLocale(deps.db, tenantId) });
      },
    }),
    defineRoute<{ params: ElectionSlotParams }>({
      method: 'DELETE',
      path: `${BASE}/assignment`,
      summary: 'Take the participant off the slot (they are told)',
      description: 'The slot is vacant again; invitationRetracted is queued when the person was only invited, removedFromTask when they had accepted. 404 when no one holds the slot. Audited election.taskUnassigned.',
      tags: TAGS,
      params: SLOT,
      responses: { 204: 'empty' },
      handler: async ({ ctx, params, req }) => {
        onSite(req, 'admin');
        await unassignTask(deps, ctx, params.id, params.slotId);
      },
    }),
    defineRoute<{ params: ElectionSlotParams; body: ElectionAssignmentReply; response: ElectionAssignedSlot }>({
      method: 'POST',
      path: `${BASE}/reply`,
      summary: 'Answer an invitation on the participant’s behalf',
      description: 'Only an invited slot: accept (registrationConfirmed queued) or reject (the slot vacant at once, the rejection remembered). A second answer: 409 election.alreadyAnswered; no invitation: 409 election.notInvited. Audited election.taskAnswered {onBehalf: true}.',
      tags: TAGS,
      params: SLOT,
      body: 'election/assignment-reply.schema.json',
      responses: { 200: 'election/assignment-slot.schema.json' },
      handler: ({ ctx, params, body, req }) => {
        onSite(req, 'admin');
        return answerInvitation(deps, ctx, { electionId: params.id, slotId: params.slotId }, body.answer);
      },
    }),
    defineRoute<{ params: ElectionSlotParams; response: ElectionInvitationLink }>({
      method: 'GET',
      path: `${BASE}/invitation-link`,
      summary: 'A new invitation link of an invited slot (the one before stops working)',
      description: 'Only the hash of a link’s token is kept, so a link is shown once: each call makes a new one. 409 election.notInvited when the slot has no unanswered invitation. Audited election.invitationLinkIssued.',
      tags: TAGS,
      params: SLOT,
      responses: { 200: 'election/assignment-invitation-link.schema.json' },
      handler: async ({ ctx, params, req, tenantId, res }) => {
        onSite(req, 'admin');
        res.set('Cache-Control', 'no-store');
        return invitationLink(deps, ctx, params.id, params.slotId, { publicOrigin: await publicOrigin(req, tenantId), locale: await tenantLocale(deps.db, tenantId) });
      },
    }),
    defineRoute<{ params: IdParams; response: ElectionRejectionList }>({
      method: 'GET',
      path: '/election/elections/:id/rejections',
      summary: 'The election’s rejected tasks, newest first',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      responses: { 200: 'election/assignment-rejections.schema.json' },
      handler: async ({ ctx, params, req }) => {
        onSite(req, 'admin');
        return presentRejections(await listRejections(deps, ctx, params.id));
      },
    }),
  ];
}
