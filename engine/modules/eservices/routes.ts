// The e-services' API: the services the public site lists (front page, services page), and what a logged-in
// person has sent and where it stands (the public site's profile).
import type { MySubmissions } from '../../../schemas/types/eservices-my-submissions';
import type { EServices } from '../../../schemas/types/eservices-services';
import { defineRoute, type RouteSpec } from '../../http/route';
import type { ModuleRouteDeps } from '../module';
import { mySubmissionRoutes } from './my-submission-route';
import { presentEServices, presentMySubmissions } from './presenters';
import { listMySubmissions, listPublishedEServices } from './queries';

export function eservicesRoutes(deps: ModuleRouteDeps): RouteSpec[] {
  const { db } = deps;
  return [
    defineRoute<{ response: EServices }>({
      method: 'GET',
      path: '/eservices/services',
      summary: 'The e-services citizens can use, with their addresses on the public site',
      tags: ['Services'],
      responses: { 200: 'eservices/services.schema.json' },
      handler: async ({ actor }) => presentEServices(await listPublishedEServices(db, actor)),
    }),
    defineRoute<{ response: MySubmissions }>({
      method: 'GET',
      path: '/me/submissions',
      summary: 'What I have sent, and where it stands',
      tags: ['My profile'],
      responses: { 200: 'eservices/my-submissions.schema.json' },
      handler: async ({ actor }) => presentMySubmissions(await listMySubmissions(db, actor)),
    }),
    ...mySubmissionRoutes(deps),
  ];
}
