// The election module's public-site routes for responsibles: a team responsible's teams, members (remove one),
// distribution and invite link; a work-location responsible's work locations and their staff per date. Each
// team and work location is authorized on its own (queries/public/scope.ts): not logged in 401, another team or
// location 404 as if missing. On the admin site these paths are not there (404).
import type { Request } from 'express';
import type { ElectionPublicTeamDistribution } from '../../../../schemas/types/election-public-team-distribution';
import type { ElectionPublicTeamLink } from '../../../../schemas/types/election-public-team-link';
import type { ElectionPublicTeamList } from '../../../../schemas/types/election-public-team-list';
import type { ElectionPublicTeamMemberParams } from '../../../../schemas/types/election-public-team-member-params';
import type { ElectionPublicTeamMembers } from '../../../../schemas/types/election-public-team-members';
import type { ElectionPublicTeamMembersQuery } from '../../../../schemas/types/election-public-team-members-query';
import type { ElectionPublicTeamParams } from '../../../../schemas/types/election-public-team-params';
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionPublicWorkLocationList } from '../../../../schemas/types/election-public-work-location-list';
import type { ElectionPublicWorkLocationParticipants } from '../../../../schemas/types/election-public-work-location-participants';
import type { ElectionPublicWorkLocationQuery } from '../../../../schemas/types/election-public-work-location-query';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { removeTeamMember } from '../commands/public/remove-team-member';
import { teamInviteLink } from '../commands/public/team-link';
import { listMyTeams, listTeamMembers } from '../queries/public/my-team';
import { teamDistribution } from '../queries/public/my-team-distribution';
import { listMyWorkLocations, workLocationStaff } from '../queries/public/my-work-location';
import { onSite, type ElectionRouteDeps } from './context';

const TEAMS = ['Election staffing: public site, team responsibles'];
const LOCATIONS = ['Election staffing: public site, work-location responsibles'];

/** This public site's own origin, which the links shown on it start with. */
const ownOrigin = (req: Request): string => `${req.protocol}://${req.get('host') ?? ''}`;

export function publicResponsibleRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ response: ElectionPublicTeamList }>({
      method: 'GET',
      path: '/election/public/teams',
      summary: 'The teams I am responsible for',
      description: 'From the responsibilities an administrator gave the logged-in person; none is an empty list. Not logged in: 401.',
      tags: TEAMS,
      responses: { 200: 'election/public-team-list.schema.json' },
      handler: ({ actor, tenantId, req }) => {
        onSite(req, 'public');
        return listMyTeams(deps, actor, tenantId);
      },
    }),
    defineRoute<{
      params: ElectionPublicTeamParams;
      query: ElectionPublicTeamMembersQuery;
      response: ElectionPublicTeamMembers;
    }>({
      method: 'GET',
      path: '/election/public/teams/:teamId/members',
      summary: 'A team’s members with their tasks and how they answered',
      description: 'Filters: status (withTask, invited, accepted, withoutTask) and a task date (no name search: names stay out of addresses). Another team: 404.',
      tags: TEAMS,
      params: 'election/public-team-params.schema.json',
      query: 'election/public-team-members-query.schema.json',
      responses: { 200: 'election/public-team-members.schema.json' },
      handler: ({ params, query, actor, tenantId, req }) => {
        onSite(req, 'public');
        return listTeamMembers(deps, actor, tenantId, params.teamId, query);
      },
    }),
    defineRoute<{ params: ElectionPublicTeamMemberParams }>({
      method: 'DELETE',
      path: '/election/public/teams/:teamId/members/:participantId',
      summary: 'Take a member off the team',
      description:
        'The person stays a participant. A member holding one of the team’s tasks: 409 election.memberHoldsTeamTasks. Not a member, or another team: 404. Audited election.teamMemberRemoved.',
      tags: TEAMS,
      params: 'election/public-team-member-params.schema.json',
      responses: { 204: 'empty' },
      handler: ({ params, ctx, req }) => {
        onSite(req, 'public');
        return removeTeamMember(deps, ctx, params.teamId, params.participantId);
      },
    }),
    defineRoute<{
      params: ElectionPublicTeamParams;
      response: ElectionPublicTeamDistribution;
    }>({
      method: 'GET',
      path: '/election/public/teams/:teamId/distribution',
      summary: 'The team’s fill status per work location and date, its invite link and the links of its vacant tasks',
      tags: TEAMS,
      params: 'election/public-team-params.schema.json',
      responses: { 200: 'election/public-team-distribution.schema.json' },
      handler: ({ params, actor, tenantId, req }) => {
        onSite(req, 'public');
        return teamDistribution(deps, actor, tenantId, params.teamId, ownOrigin(req));
      },
    }),
    defineRoute<{
      params: ElectionPublicTeamParams;
      response: ElectionPublicTeamLink;
    }>({
      method: 'POST',
      path: '/election/public/teams/:teamId/invite-link',
      summary: 'The team’s invite link: the one that works, or a new one',
      description:
        'A team link of the active election (it offers the team’s vacant tasks), with its QR code. A new one is audited election.linkCreated. No active election: 409 election.teamLinkNoElection.',
      tags: TEAMS,
      params: 'election/public-team-params.schema.json',
      responses: { 200: 'election/public-team-link.schema.json' },
      handler: ({ params, ctx, req }) => {
        onSite(req, 'public');
        return teamInviteLink(deps, ctx, params.teamId, ownOrigin(req));
      },
    }),
    defineRoute<{ response: ElectionPublicWorkLocationList }>({
      method: 'GET',
      path: '/election/public/work-locations',
      summary: 'The work locations I am responsible for',
      description: 'None is an empty list. Not logged in: 401.',
      tags: LOCATIONS,
      responses: { 200: 'election/public-work-location-list.schema.json' },
      handler: ({ actor, tenantId, req }) => {
        onSite(req, 'public');
        return listMyWorkLocations(deps, actor, tenantId);
      },
    }),
    defineRoute<{
      params: IdParams;
      query: ElectionPublicWorkLocationQuery;
      response: ElectionPublicWorkLocationParticipants;
    }>({
      method: 'GET',
      path: '/election/public/work-locations/:id/participants',
      summary: 'A work location’s staff per task date, with fill status',
      description: 'Participant, task, hours, age on the date, phone, e-mail; a protected address is null. `date` narrows to one date. Another work location: 404.',
      tags: LOCATIONS,
      params: 'api/id-params.schema.json',
      query: 'election/public-work-location-query.schema.json',
      responses: {
        200: 'election/public-work-location-participants.schema.json',
      },
      handler: ({ params, query, actor, tenantId, req }) => {
        onSite(req, 'public');
        return workLocationStaff(deps, actor, tenantId, params.id, query.date);
      },
    }),
  ];
}
