// The e-services module on the public site: what a person sent through the municipality's e-service forms,
// on their profile page, each readable on its own page. (The form page and its receipt are the platform's: any
// published form has them.)
import type { UiModule } from '../../../../forms/ui/modules';
import da from './locales/da.json';
import en from './locales/en.json';
import sv from './locales/sv.json';
import { MySubmissionPage } from './MySubmissionPage';
import { MySubmissions } from './MySubmissions';
import { eserviceSource } from './services';

export const eservices: UiModule = {
  name: 'eservices',
  pages: [{ path: '/my/submissions/:id', key: 'submission', component: MySubmissionPage }],
  // The published e-service forms, on the front page and the services page.
  services: eserviceSource,
  profileSections: [MySubmissions],
  texts: { da, sv, en },
};
