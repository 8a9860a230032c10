// The election module's public-site routes for the participant's own pages: an invitation by its link's token
// (what it offers; accept with the e-ID login of the invited person, reject without login), my tasks (unregister
// one, download a task type's file), my profile (read, edit contact details and diets, delete) and all my data
// (GDPR art. 15, JSON and PDF, audited). Not logged in: 401; logged in but no participant: 404. On the admin site
// these paths are not there (404).
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionPublicMeAnswer } from '../../../../schemas/types/election-public-me-answer';
import type { ElectionPublicMeInvitation } from '../../../../schemas/types/election-public-me-invitation';
import type { ElectionPublicMeInvitationParams } from '../../../../schemas/types/election-public-me-invitation-params';
import type { ElectionPublicMeProfile } from '../../../../schemas/types/election-public-me-profile';
import type { ElectionPublicMeSlotParams } from '../../../../schemas/types/election-public-me-slot-params';
import type { ElectionPublicMeTasks } from '../../../../schemas/types/election-public-me-tasks';
import type { ElectionPublicMeUpdate } from '../../../../schemas/types/election-public-me-update';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { acceptMyInvitation, rejectMyInvitation } from '../commands/public/me-invitation';
import { exportMyData, myDataPdf } from '../commands/public/me-data';
import { deleteMyProfile, updateMyProfile } from '../commands/public/me-profile';
import { unregisterMyTask } from '../commands/public/me-unregister';
import { invitationView } from '../queries/public/me-invitation';
import { myProfile } from '../queries/public/me-profile';
import { myTaskFile, myTasks } from '../queries/public/me-tasks';
import { contentDisposition } from './config';
import { onSite, type ElectionRouteDeps } from './context';

const INVITATIONS = ['Election staffing: public site, invitations'];
const ME = ['Election staffing: public site, my tasks and profile'];
const PARAMS = 'election/public-me-invitation-params.schema.json';
const NO_STORE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

export function publicMeRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ params: ElectionPublicMeInvitationParams; response: ElectionPublicMeInvitation }>({
      method: 'GET',
      path: '/election/public/invitations/:token',
      summary: 'What an invitation offers and whether it can still be answered (no login)',
      description: 'status: open, answered (accepted, or rejected), expired (the task date has passed) or retracted (taken off the task while invited, or a newer link sent). Nothing about the person. An unknown token: 404.',
      tags: INVITATIONS,
      params: PARAMS,
      responses: { 200: 'election/public-me-invitation.schema.json' },
      handler: ({ params, tenantId, req }) => {
        onSite(req, 'public');
        return invitationView(deps, tenantId, params.token);
      },
    }),
    defineRoute<{ params: ElectionPublicMeInvitationParams; response: ElectionPublicMeAnswer }>({
      method: 'POST',
      path: '/election/public/invitations/:token/accept',
      summary: 'Accept an invitation (e-ID login of the invited person)',
      description:
        'Not logged in: 401. Another person logged in: 409 election.notYourInvitation. The same checks as an assignment: 409 election.notEligible (reasons), election.overlap; a passed task date 409 election.invitationExpired; answered already 409 election.alreadyAnswered. Audited election.taskAnswered.',
      tags: INVITATIONS,
      params: PARAMS,
      responses: { 200: 'election/public-me-answer.schema.json' },
      handler: ({ params, ctx, req }) => {
        onSite(req, 'public');
        return acceptMyInvitation(deps, ctx, params.token);
      },
    }),
    defineRoute<{ params: ElectionPublicMeInvitationParams; response: ElectionPublicMeAnswer }>({
      method: 'POST',
      path: '/election/public/invitations/:token/reject',
      summary: 'Reject an invitation (no login: the link is the right to answer)',
      description: 'The slot is vacant at once and the person is not invited to this task type in this election again. Answered already: 409 election.alreadyAnswered. Audited election.taskAnswered.',
      tags: INVITATIONS,
      params: PARAMS,
      responses: { 200: 'election/public-me-answer.schema.json' },
      handler: ({ params, ctx, req }) => {
        onSite(req, 'public');
        return rejectMyInvitation(deps, ctx, params.token);
      },
    }),
    defineRoute<{ response: ElectionPublicMeTasks }>({
      method: 'GET',
      path: '/election/public/me/tasks',
      summary: 'My tasks (invited and accepted), with the task types’ files',
      description: 'Each task says whether its election is inside the lock period (no unregistering) and whether its date has passed.',
      tags: ME,
      responses: { 200: 'election/public-me-tasks.schema.json' },
      handler: ({ actor, req }) => {
        onSite(req, 'public');
        return myTasks(deps, actor);
      },
    }),
    defineRoute<{ params: ElectionPublicMeSlotParams }>({
      method: 'DELETE',
      path: '/election/public/me/tasks/:slotId',
      summary: 'Unregister from one of my tasks',
      description: 'Refused inside the election’s lock period (409 election.lockPeriod, params.ends: the day it ends) and after the task date (409 election.taskWorked). Not my task: 404. Audited election.myTaskUnregistered.',
      tags: ME,
      params: 'election/public-me-slot-params.schema.json',
      responses: { 204: 'empty' },
      handler: async ({ params, ctx, req }) => {
        onSite(req, 'public');
        await unregisterMyTask(deps, ctx, params.slotId);
      },
    }),
    defineRoute<{ params: IdParams }>({
      method: 'GET',
      path: '/election/public/me/files/:id',
      summary: 'A file of the task type of one of my tasks',
      description: 'A file of a task type I hold no task of: 404.',
      tags: ME,
      params: 'api/id-params.schema.json',
      responses: { 200: { raw: 'application/pdf', description: 'The file with its own content type: application/pdf, application/vnd.oasis.opendocument.text or application/vnd.openxmlformats-officedocument.wordprocessingml.document' } },
      handler: async ({ params, actor, req, res }) => {
        onSite(req, 'public');
        const file = await myTaskFile(deps, actor, params.id);
        res
          .status(200)
          .set({ ...NO_STORE, 'Content-Type': file.contentType, 'Content-Disposition': contentDisposition(file.name) })
          .end(file.content);
      },
    }),
    defineRoute<{ response: ElectionPublicMeProfile }>({
      method: 'GET',
      path: '/election/public/me',
      summary: 'My profile: the registry’s data (read-only), contact details and diets, and whether I may delete it now',
      description: 'A protected address is not shown. deletion.allowed false with reason lockPeriod (and ends) or taskWorked.',
      tags: ME,
      responses: { 200: 'election/public-me-profile.schema.json' },
      handler: ({ actor, req }) => {
        onSite(req, 'public');
        return myProfile(deps, actor);
      },
    }),
    defineRoute<{ body: ElectionPublicMeUpdate; response: ElectionPublicMeProfile }>({
      method: 'PATCH',
      path: '/election/public/me',
      summary: 'Change my phone, e-mail or diets',
      description: 'Diets not of this municipality: 400 election.unknownDiet. Audited election.myProfileUpdated with the fields’ names only.',
      tags: ME,
      body: 'election/public-me-update.schema.json',
      responses: { 200: 'election/public-me-profile.schema.json' },
      handler: async ({ body, ctx, actor, req }) => {
        onSite(req, 'public');
        await updateMyProfile(deps, ctx, body);
        return myProfile(deps, actor);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/election/public/me',
      summary: 'Delete my profile',
      description:
        'Refused after a worked task (409 election.taskWorked: the payment needs the data) and while I hold a task of an election inside its lock period (409 election.lockPeriod, params.ends). Otherwise erases me everywhere: the tasks I hold become vacant. Audited election.myProfileDeleted.',
      tags: ME,
      responses: { 204: 'empty' },
      handler: async ({ ctx, req }) => {
        onSite(req, 'public');
        await deleteMyProfile(deps, ctx);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/election/public/me/data.json',
      summary: 'All my data as JSON (GDPR art. 15)',
      description: 'Audited election.myDataExported.',
      tags: ME,
      responses: { 200: { raw: 'application/json', description: 'The data, as a download' } },
      handler: async ({ ctx, req, res }) => {
        onSite(req, 'public');
        const { data } = await exportMyData(deps, ctx, 'json');
        res
          .status(200)
          .set({ ...NO_STORE, 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': contentDisposition('my-data.json') })
          .end(JSON.stringify(data, null, 2));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/election/public/me/data.pdf',
      summary: 'All my data as a readable PDF (GDPR art. 15)',
      description: 'In the tenant’s language. Audited election.myDataExported.',
      tags: ME,
      responses: { 200: { raw: 'application/pdf', description: 'The PDF (A4)' } },
      handler: async ({ ctx, req, res }) => {
        onSite(req, 'public');
        const { data, locale } = await exportMyData(deps, ctx, 'pdf');
        const pdf = await myDataPdf(data, locale);
        res
          .status(200)
          .set({ ...NO_STORE, 'Content-Type': 'application/pdf', 'Content-Disposition': contentDisposition('my-data.pdf') })
          .end(pdf);
      },
    }),
  ];
}
