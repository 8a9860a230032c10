// The e-services module on the admin site: no pages of its own (its forms, flows, tasks and answers are the
// platform's pages), only its name, which the flow editor shows for the flows that belong to it.
import type { UiModule } from '../../../../forms/ui/modules';
import da from './locales/da.json';
import en from './locales/en.json';
import sv from './locales/sv.json';

export const eservices: UiModule = { name: 'eservices', texts: { da, sv, en } };
