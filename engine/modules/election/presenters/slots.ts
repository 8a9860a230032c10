// Task slots as the API shows them (schemas/election/slot-overview, slot-distribution, slot-tasks).
import type { ElectionSlotDistribution } from '../../../../schemas/types/election-slot-distribution';
import type { ElectionSlotOverview, ElectionSlotOverviewArea, ElectionSlotTotals } from '../../../../schemas/types/election-slot-overview';
import type { ElectionSlotTasks, ElectionTaskSlot } from '../../../../schemas/types/election-slot-tasks';
import { hhmm } from '../queries/config/common';
import type { DistributionRow } from '../queries/slots/distribution';
import type { OverviewRow } from '../queries/slots/overview';
import type { TaskSlotRow, WorkLocationTasksRow } from '../queries/slots/work-location-tasks';

const zero = (): ElectionSlotTotals => ({ slots: 0, accepted: 0, invited: 0, vacant: 0 });
const addTo = (sum: ElectionSlotTotals, t: ElectionSlotTotals) => {
  sum.slots += t.slots;
  sum.accepted += t.accepted;
  sum.invited += t.invited;
  sum.vacant += t.vacant;
};

/** The stations' rows (in area order) grouped by area, each level with its totals. */
export function presentOverview(rows: OverviewRow[]): ElectionSlotOverview {
  const totals = zero();
  const areas: ElectionSlotOverviewArea[] = [];
  for (const r of rows) {
    const t: ElectionSlotTotals = { slots: r.slots, accepted: r.accepted, invited: r.invited, vacant: r.slots - r.accepted - r.invited };
    let area = areas[areas.length - 1];
    if (area?.id !== r.area_id) areas.push((area = { id: r.area_id, name: r.area_name, totals: zero(), workLocations: [] }));
    area.workLocations.push({ id: r.id, name: r.name, districtNumber: r.district_number, totals: t });
    addTo(area.totals, t);
    addTo(totals, t);
  }
  return { totals, areas };
}

export function presentDistribution(r: DistributionRow): ElectionSlotDistribution {
  return {
    dates: r.dates,
    teams: r.teams.map((t) => ({ id: t.id, name: t.name })),
    taskTypes: r.task_types.map((t) => ({ id: t.id, title: t.title, shortName: t.short_name, trusted: t.trusted })),
    cells: r.cells.map((c) => ({ teamId: c.team_id, taskTypeId: c.task_type_id, date: c.date, count: c.count, filled: c.filled })),
  };
}

export function presentTaskSlot(s: TaskSlotRow): ElectionTaskSlot {
  return {
    id: s.id,
    date: s.date,
    taskType: { id: s.task_type_id, title: s.task_type_title, shortName: s.task_type_short_name, start: hhmm(s.start_time), end: hhmm(s.end_time), trusted: s.trusted },
    team: { id: s.team_id, name: s.team_name },
    state: s.state,
    ...(s.participant_id ? { participant: { id: s.participant_id, name: `${s.given_name ?? ''} ${s.family_name ?? ''}`.trim(), personalNumberMasked: s.personal_number_masked ?? '' } } : {}),
    registeredDirectly: s.registered_directly,
    answeredOnBehalf: s.answered_on_behalf,
    ...(s.invited_at ? { invitedAt: s.invited_at.toISOString() } : {}),
    ...(s.answered_at ? { answeredAt: s.answered_at.toISOString() } : {}),
    everInvited: s.ever_invited,
  };
}

export function presentWorkLocationTasks(r: WorkLocationTasksRow): ElectionSlotTasks {
  return { workLocation: { id: r.work_location.id, name: r.work_location.name, areaName: r.work_location.area_name }, slots: r.slots.map(presentTaskSlot) };
}
