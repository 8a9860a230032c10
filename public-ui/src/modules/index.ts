// The public site's modules: the one list (as engine/modules/index.ts is on the server). A module's pages,
// profile sections and texts come from here; App.tsx and the profile page name none of them.
import type { UiModule } from '../../../forms/ui/modules';
import { election } from './election';
import { eservices } from './eservices';
import { petitions } from './petitions';

export const PUBLIC_MODULES: readonly UiModule[] = [eservices, petitions, election];
