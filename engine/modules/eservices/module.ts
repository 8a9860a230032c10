// E-services: a published form whose submissions start a flow (the application flow: received → decided,
// reminders to caseworkers, deletion after the decision). The first module on the seam; the platform keeps
// forms, flows, identity, tenancy, audit and messages.
import { join } from 'node:path';
import type { Module } from '../module';
import { eservicesRoutes } from './routes';
import { E_SERVICE_KIND, FORM_SUBMISSION } from './queries';
import { formSubmissionSubject } from './subject';

const FORMS = join(__dirname, '..', '..', '..', 'forms', 'builtin', 'eservices');

export const eservices: Module = {
  name: 'eservices',
  formKinds: [E_SERVICE_KIND],
  subjectTypes: { [FORM_SUBMISSION]: formSubmissionSubject },
  builtinForms: [{ file: 'application-form.json', path: join(FORMS, 'application-form.json'), name: { DK: 'Tilskud til foreningsarrangement', SE: 'Bidrag till föreningsarrangemang' }, countries: ['DK', 'SE'] }],
  builtinFlows: [{ file: 'application.flow.json', path: join(__dirname, 'builtin', 'application.flow.json'), publish: true, attachTo: 'application-form.json' }],
  // One thing a person sent, read back (public-ui/src/modules/eservices/: MySubmissionPage).
  publicPages: ['/my/submissions/:id'],
  routes: eservicesRoutes,
};
