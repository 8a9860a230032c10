// The e-services module on the public site: what a person sent through the municipality's e-service forms,
// on their profile page. (The form page and its receipt are the platform's: any published form has them.)
import type { UiModule } from '../../../../forms/ui/modules';
import da from './locales/da.json';
import en from './locales/en.json';
import sv from './locales/sv.json';
import { MySubmissions } from './MySubmissions';

export const eservices: UiModule = { name: 'eservices', profileSections: [MySubmissions], texts: { da, sv, en } };
