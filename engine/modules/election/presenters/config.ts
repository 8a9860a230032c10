// The configuration's rows → the API's shapes (schemas/election/config-*-record.schema.json): camelCase, times
// as "HH:MM", dates as ISO text, a payment of 0 as null (no payment, and then none is shown), files without
// their bytes.
import type { ElectionArea } from '../../../../schemas/types/election-config-area-record';
import type { ElectionType } from '../../../../schemas/types/election-config-election-type-record';
import type { ElectionSite } from '../../../../schemas/types/election-config-site-record';
import type { ElectionSpecialDiet } from '../../../../schemas/types/election-config-special-diet-record';
import type { ElectionTaskType } from '../../../../schemas/types/election-config-task-type-record';
import type { ElectionTaskTypeFile } from '../../../../schemas/types/election-config-task-type-file-record';
import type { ElectionTeam } from '../../../../schemas/types/election-config-team-record';
import type { ElectionWorkLocation } from '../../../../schemas/types/election-config-work-location-record';
import type { AreaRow } from '../queries/config/areas';
import { hhmm } from '../queries/config/common';
import type { ElectionTypeRow } from '../queries/config/election-types';
import type { SiteRow } from '../queries/config/site';
import type { SpecialDietRow } from '../queries/config/special-diets';
import type { TaskTypeFileRow, TaskTypeRow } from '../queries/config/task-types';
import type { TeamRow } from '../queries/config/teams';
import type { WorkLocationRow } from '../queries/config/work-locations';

export const presentArea = (r: AreaRow): ElectionArea => ({ id: r.id, name: r.name, workLocationCount: Number(r.work_locations) });

export const presentWorkLocation = (r: WorkLocationRow): ElectionWorkLocation => ({
  id: r.id,
  areaId: r.area_id,
  areaName: r.area_name,
  name: r.name,
  address: r.address,
  postalCode: r.postal_code,
  city: r.city,
  districtNumber: r.district_number,
  taskTypeIds: r.task_type_ids,
  teamIds: r.team_ids,
});

export const presentTaskTypeFile = (f: TaskTypeFileRow): ElectionTaskTypeFile => ({
  id: f.id,
  fileName: f.file_name,
  contentType: f.content_type as ElectionTaskTypeFile['contentType'],
  sizeBytes: Number(f.size_bytes),
  createdAt: new Date(f.created_at).toISOString(),
});

/** Kroner as a number, null for none (0). */
export function presentPayment(payment: string | number): number | null {
  const kroner = Number(payment);
  return kroner > 0 ? kroner : null;
}

export const presentTaskType = (r: TaskTypeRow): ElectionTaskType => ({
  id: r.id,
  title: r.title,
  shortName: r.short_name,
  description: r.description,
  startTime: hhmm(r.start_time),
  endTime: hhmm(r.end_time),
  payment: presentPayment(r.payment),
  trusted: r.trusted,
  reminders: r.reminders,
  fieldsFormId: r.fields_form_id,
  files: r.files.map(presentTaskTypeFile),
});

export const presentTeam = (r: TeamRow): ElectionTeam => ({ id: r.id, name: r.name, shortName: r.short_name, description: r.description, politicalParty: r.political_party });

export const presentSpecialDiet = (r: SpecialDietRow): ElectionSpecialDiet => ({ id: r.id, name: r.name });

export const presentElectionType = (r: ElectionTypeRow): ElectionType => ({ id: r.id, name: r.name, rules: r.rules });

export const presentSite = (r: SiteRow): ElectionSite => ({
  frontPage: r.front_page,
  faqEnabled: r.faq_enabled,
  faq: r.faq,
  privacyFormId: r.privacy_form_id,
  consentEnabled: r.consent_enabled,
  contact: r.contact,
  updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
});

export const listOf = <R, T>(rows: R[], present: (r: R) => T): { items: T[] } => ({ items: rows.map(present) });
