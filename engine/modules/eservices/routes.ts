// The e-services' API: what a logged-in person has sent and where it stands (the public site's profile).
import type { MySubmissions } from '../../../schemas/types/eservices-my-submissions';
import { defineRoute, type RouteSpec } from '../../http/route';
import type { ModuleRouteDeps } from '../module';
import { presentMySubmissions } from './presenters';
import { listMySubmissions } from './queries';

export function eservicesRoutes({ db }: ModuleRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ response: MySubmissions }>({
      method: 'GET',
      path: '/me/submissions',
      summary: 'What I have sent, and where it stands',
      tags: ['My profile'],
      responses: { 200: 'eservices/my-submissions.schema.json' },
      handler: async ({ actor }) => presentMySubmissions(await listMySubmissions(db, actor)),
    }),
  ];
}
