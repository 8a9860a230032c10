// Which vacant slots a task link offers, as one SQL condition on task_slots `s` (joined with its work location
// `wl` and task type `tt`): a task link its one slot, a tasks link the slots matching its filters, a team link
// the team's slots — never a trusted task type for the last two, never a date already past in the tenant's time
// zone, only vacant slots. Shared by the public answer (resolve-link.ts) and the admin list's counts.
import type { ElectionLinkFilters } from '../../../../../schemas/types/election-link-filters';

export type LinkKind = 'task' | 'tasks' | 'team';

export interface LinkTarget {
  kind: LinkKind;
  election_id: string;
  slot_id: string | null;
  team_id: string | null;
  filters: ElectionLinkFilters;
}

/** `WHERE …` with its bind values, numbered from $1: the zone ($1) and the election ($2) first. */
export function offeredSlotsWhere(link: LinkTarget, zone: string): { where: string; bind: unknown[] } {
  const bind: unknown[] = [zone, link.election_id];
  const parts = ["s.election_id = $2", "s.state = 'vacant'", 's.task_date >= (now() AT TIME ZONE $1)::date'];
  const add = (sql: (n: string) => string, value: unknown) => {
    bind.push(value);
    parts.push(sql(`$${bind.length}`));
  };
  if (link.kind === 'task') add((n) => `s.id = ${n}::uuid`, link.slot_id);
  else {
    parts.push('NOT tt.trusted');
    if (link.kind === 'team') add((n) => `s.team_id = ${n}::uuid`, link.team_id);
    else {
      const f = link.filters;
      if (f.teamIds?.length) add((n) => `s.team_id = ANY(${n}::uuid[])`, f.teamIds);
      if (f.dates?.length) add((n) => `s.task_date = ANY(${n}::date[])`, f.dates);
      if (f.areaIds?.length) add((n) => `wl.area_id = ANY(${n}::uuid[])`, f.areaIds);
      if (f.workLocationIds?.length) add((n) => `s.work_location_id = ANY(${n}::uuid[])`, f.workLocationIds);
      if (f.taskTypeIds?.length) add((n) => `s.task_type_id = ANY(${n}::uuid[])`, f.taskTypeIds);
    }
  }
  return { where: parts.join(' AND '), bind };
}

/** The joins the condition needs. */
export const OFFER_FROM = 'task_slots s JOIN work_locations wl ON wl.id = s.work_location_id JOIN task_types tt ON tt.id = s.task_type_id';
