// The admin site's modules: the one list (as engine/modules/index.ts is on the server). A module's pages,
// navigation entries and texts come from here; App.tsx names none of them. The e-services bring only their
// name (their forms, flows, tasks and answers are the platform's pages); petitions and election staffing add
// their pages here.
import type { UiModule } from '../../../forms/ui/modules';
import { election } from './election';
import { eservices } from './eservices';
import { petitions } from './petitions';

export const ADMIN_MODULES: readonly UiModule[] = [eservices, petitions, election];
