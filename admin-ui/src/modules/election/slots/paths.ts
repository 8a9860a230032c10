// The task slots' page paths (the module's adminPages on the server list the same patterns). They work in the
// election the site works in (the bar at the top of each page), so no election id is in them.
import { ELECTION_PATHS } from '../paths';

export const OVERVIEW_PATH = ELECTION_PATHS.overview;
export const REJECTIONS_PATH = ELECTION_PATHS.rejections;
export const WORK_LOCATION_PAGES = '/election/work-locations';

/** A work location's distribution grid (team × task type × date). */
export const distributionPath = (workLocationId: string) => `${WORK_LOCATION_PAGES}/${encodeURIComponent(workLocationId)}/distribution`;
/** A work location's slots, by date. */
export const tasksPath = (workLocationId: string) => `${WORK_LOCATION_PAGES}/${encodeURIComponent(workLocationId)}/tasks`;
