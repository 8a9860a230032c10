// The e-services' route for reading back one thing a person sent (the public site's /my/submissions/:id).
// Its own file beside routes.ts so the module's other routes can change without touching it.
import type { IdParams } from '../../../schemas/types/api-id-params';
import type { MySubmissionDetail } from '../../../schemas/types/eservices-my-submission';
import { defineRoute, type RouteSpec } from '../../http/route';
import type { ModuleRouteDeps } from '../module';
import { presentMySubmission } from './my-submission-presenter';
import { readMySubmission } from './my-submission-query';

export function mySubmissionRoutes({ identity }: ModuleRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ params: IdParams; response: MySubmissionDetail }>({
      method: 'GET',
      path: '/me/submissions/:id',
      summary: 'One thing I have sent: the questions, my answers and where it stands',
      description: 'Answered only to the person who sent it; any other id (another person’s, another tenant’s, none) is 404.',
      tags: ['My profile'],
      params: 'api/id-params.schema.json',
      responses: { 200: 'eservices/my-submission.schema.json' },
      handler: async ({ actor, params }) => presentMySubmission(await readMySubmission(identity, actor, params.id)),
    }),
  ];
}
