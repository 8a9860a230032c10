// The participant list's filters and sort order as SQL, shared by the list (a page) and the export (a cursor
// over all of it), so both answer the same people in the same order. Every value is a bind parameter; the only
// text spliced in is chosen from fixed tables here (the collation of the tenant's country, column names).
// Indexes (migrations 0012, 0013, 0015, 0017): the name in each collation, birth date, created, team members by
// team, held task slots by participant, by task type and by work location.
import type { Country } from '../../../db/models';
import { residentMunicipalityCode } from '../../../registry/municipality';
import { COLLATION } from '../db';
import { registryStatusSql, type RegistryStatus } from './registry-status';

export interface ParticipantFilter {
  /** Words of the name (each must be in the given or the family name). */
  q?: string;
  /** YYYY-MM-DD, inclusive. */
  birthFrom?: string;
  birthTo?: string;
  /** Member of any of these teams. */
  teamIds?: string[];
  digitalPostExempt?: boolean;
  /** Holds (invited to or accepted) a task, or not. */
  hasTask?: boolean;
  /** Holds a task of this type / at this work location. */
  taskTypeId?: string;
  workLocationId?: string;
  status?: RegistryStatus;
}

export const SORT_KEYS = ['name', 'birthDate', 'createdAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';


/** A slot a person holds: invited or accepted (a rejected one is remembered, not held). */
export const HELD_SLOT = "ts.tenant_id = p.tenant_id AND ts.participant_id = p.id AND ts.state IN ('invited', 'accepted')";

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const MAX_WORDS = 5;

/** Builds `WHERE …` for the filter, pushing its values onto `bind` (placeholders continue from bind.length). */
export function whereSql(filter: ParticipantFilter, tenant: { id: string; country: Country }, bind: unknown[]): string {
  const param = (value: unknown): string => {
    bind.push(value);
    return `$${bind.length}`;
  };
  // The tenant explicitly (RLS says the same): the planner then uses the (tenant_id, …) indexes.
  const where = [`p.tenant_id = ${param(tenant.id)}`];
  const words = (filter.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  for (const word of words) {
    const like = param(`%${escapeLike(word)}%`);
    where.push(`(p.given_name ILIKE ${like} OR p.family_name ILIKE ${like})`);
  }
  if (filter.birthFrom) where.push(`p.birth_date >= ${param(filter.birthFrom)}::date`);
  if (filter.birthTo) where.push(`p.birth_date <= ${param(filter.birthTo)}::date`);
  if (filter.teamIds?.length) where.push(`EXISTS (SELECT 1 FROM team_members tm WHERE tm.tenant_id = p.tenant_id AND tm.participant_id = p.id AND tm.team_id = ANY(${param(filter.teamIds)}::uuid[]))`);
  if (filter.digitalPostExempt !== undefined) where.push(`p.digital_post_exempt = ${param(filter.digitalPostExempt)}`);
  if (filter.hasTask !== undefined) where.push(`${filter.hasTask ? '' : 'NOT '}EXISTS (SELECT 1 FROM task_slots ts WHERE ${HELD_SLOT})`);
  if (filter.taskTypeId) where.push(`EXISTS (SELECT 1 FROM task_slots ts WHERE ${HELD_SLOT} AND ts.task_type_id = ${param(filter.taskTypeId)}::uuid)`);
  if (filter.workLocationId) where.push(`EXISTS (SELECT 1 FROM task_slots ts WHERE ${HELD_SLOT} AND ts.work_location_id = ${param(filter.workLocationId)}::uuid)`);
  if (filter.status) where.push(registryStatusSql(filter.status, () => param(residentMunicipalityCode(tenant.country))));
  return `WHERE ${where.join(' AND ')}`;
}

/** `ORDER BY …`, the id last so that equal names (or dates) still come in one fixed order. */
export function orderSql(sort: SortKey, order: SortOrder, country: Country): string {
  const dir = order === 'desc' ? 'DESC' : 'ASC';
  switch (sort) {
    case 'name': {
      const c = COLLATION[country];
      return `ORDER BY p.family_name COLLATE ${c} ${dir}, p.given_name COLLATE ${c} ${dir}, p.id ${dir}`;
    }
    case 'birthDate':
      return `ORDER BY p.birth_date ${dir}, p.id ${dir}`;
    case 'createdAt':
      return `ORDER BY p.created_at ${dir}, p.id ${dir}`;
  }
}

/** The filter as the audit row may show it: ids, dates and flags, never the name searched for. */
export function auditedFilter(filter: ParticipantFilter): Record<string, unknown> {
  const { q, ...rest } = filter;
  return { ...rest, ...(q?.trim() ? { nameSearch: true } : {}) };
}
