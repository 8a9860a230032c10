// Elections as the API shows them (schemas/election/election-list, election-detail).
import type { ElectionDetail } from '../../../../schemas/types/election-election-detail';
import type { ElectionListItem } from '../../../../schemas/types/election-election-list';
import type { ElectionDetailRow, ElectionSummaryRow } from '../queries/elections/list-elections';

export function presentElectionSummary(r: ElectionSummaryRow): ElectionListItem {
  return {
    id: r.id,
    title: r.title,
    electionTypeId: r.election_type_id,
    electionTypeName: r.election_type_name,
    electionDay: r.election_day,
    firstTaskDate: r.first_task_date,
    lastTaskDate: r.last_task_date,
    lockDays: r.lock_days,
    active: r.active,
    setupStep: r.setup_step,
    workLocations: r.work_locations,
    slots: r.slots,
    filledSlots: r.filled_slots,
  };
}

export function presentElection(r: ElectionDetailRow): ElectionDetail {
  return {
    ...presentElectionSummary(r),
    templates: r.templates,
    taskTypeOverrides: r.task_type_overrides,
    workLocationIds: r.work_location_ids,
    canDelete: r.can_delete,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
