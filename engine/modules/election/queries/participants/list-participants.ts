// The participant list: the filtered people, one page in the chosen order (the name in the tenant's collation,
// the birth date or when created), with the total. Every ordinary column comes back (which ones show is the
// page's choice); the special-category ones — membership of teams that are political parties, the diets — only
// when the request includes them and the actor may see them (election.specialCategory.view). Filtering by a
// party's team says who its members are, so it needs the same right.
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { zoneOf } from '../../../../flows/tenant-rules';
import { select, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';
import type { ExportRow } from '../../participants/columns';
import { HELD_SLOT, orderSql, whereSql, type ParticipantFilter, type SortKey, type SortOrder } from '../../participants/filter';
import { dietNames } from '../../participants/rows';
import { tenantFacts, type TenantFacts } from '../../db';
import { dietKey, openDiets, type DietChoice } from '../../participants/sealed-diets';

export interface SpecialInclude {
  diets?: boolean;
  partyMembership?: boolean;
}

export interface ListInput {
  filter: ParticipantFilter;
  sort: SortKey;
  order: SortOrder;
  page: number;
  pageSize: number;
  include: SpecialInclude;
}

export interface TeamRef {
  id: string;
  name: string;
  shortName: string;
}

export interface ListRow extends ExportRow {
  team_list: TeamRef[];
  party_list?: TeamRef[];
  tasks: number;
}

export interface ListedParticipant {
  row: ListRow;
  diets?: DietChoice;
}

export interface ParticipantPage {
  total: number;
  items: ListedParticipant[];
  /** Diet id → name, when diets were included. */
  dietNames?: Map<string, string>;
  tenant: TenantFacts & { zone: string };
}

/**
 * The columns of a list or export row, and what the chosen columns need besides (each a subquery per row, so
 * only when asked): the teams as JSON (the list: a page at most), or their ids (the export: named from a map
 * of the tenant's teams, which is far cheaper per row than joining teams), the count of held tasks, the sealed
 * diets.
 */
export function rowSelect(opts: { teams?: 'json' | 'ids'; party?: boolean; tasks?: boolean; diets?: boolean }): string {
  const teamsJson = (party: boolean) =>
    `coalesce((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'shortName', t.short_name) ORDER BY t.name)
                 FROM team_members tm JOIN teams t ON t.tenant_id = tm.tenant_id AND t.id = tm.team_id
                WHERE tm.tenant_id = p.tenant_id AND tm.participant_id = p.id AND ${party ? '' : 'NOT '}t.political_party), '[]')`;
  return [
    `p.id, p.personal_number_country, p.personal_number_masked, p.given_name, p.family_name, p.birth_date::text AS birth_date, p.address, p.postal_code, p.city,
     p.protected_address, p.municipality_code, p.citizenship, p.deceased, p.disenfranchised, p.registry_checked_at, p.phone, p.email, p.digital_post_exempt, p.created_at`,
    ...(opts.teams === 'json' ? [`${teamsJson(false)} AS team_list`, ...(opts.party ? [`${teamsJson(true)} AS party_list`] : [])] : []),
    ...(opts.teams === 'ids' ? ['ARRAY(SELECT tm.team_id FROM team_members tm WHERE tm.tenant_id = p.tenant_id AND tm.participant_id = p.id) AS team_ids'] : []),
    ...(opts.tasks ? [`(SELECT count(*) FROM task_slots ts WHERE ${HELD_SLOT})::integer AS tasks`] : []),
    ...(opts.diets ? ['p.diets_sealed'] : []),
  ].join(', ');
}

/**
 * One page of the filter in its order, and with a filter its total. Without a filter the order's index is
 * walked and the walk stops at the page (the total is a count of the tenant's rows). With one, the matching
 * rows' sort keys are collected once — the total is their count — and the page taken from them by a top-N
 * sort: walking the index and testing each row could read most of the table before it found a page when the
 * filter's people sit late in the order (a team whose members share a family name).
 */
export function pageSql(fields: string, where: string, order: string, filtered: boolean, limit: string, offset: string): string {
  if (!filtered) return `SELECT ${fields} FROM participants p ${where} ${order} LIMIT ${limit} OFFSET ${offset}`;
  return `WITH m AS MATERIALIZED (SELECT p.id, p.family_name, p.given_name, p.birth_date, p.created_at FROM participants p ${where}),
               pg AS (SELECT p.id FROM m p ${order} LIMIT ${limit} OFFSET ${offset})
          SELECT ${fields}, (SELECT count(*) FROM m)::integer AS total_count FROM pg JOIN participants p ON p.id = pg.id ${order}`;
}

/**
 * Authorizes seeing the list and, when special-category data is involved (columns asked for, or a filter by a
 * party's team), seeing that too. Answers whether the filter names a party's team (the export audits it).
 */
export async function authorizeList(db: Database, tx: Transaction, actor: Actor, action: 'election.participants.view' | 'election.participants.export', filter: ParticipantFilter, include: SpecialInclude): Promise<{ partyFilter: boolean }> {
  authorize(actor, action, { tenantId: actor.tenantId });
  const [party] = filter.teamIds?.length ? await select<{ n: number }>(db, tx, 'SELECT count(*)::integer AS n FROM teams WHERE id = ANY($1::uuid[]) AND political_party', [filter.teamIds]) : [];
  const partyFilter = (party?.n ?? 0) > 0;
  if (include.diets || include.partyMembership || partyFilter) authorize(actor, 'election.specialCategory.view', { tenantId: actor.tenantId });
  return { partyFilter };
}

export async function listParticipants(deps: ElectionDeps, actor: Actor, input: ListInput): Promise<ParticipantPage> {
  const { db, keyring } = deps;
  const tenantId = actor.tenantId;
  return db.withTenant(tenantId, async (tx) => {
    await authorizeList(db, tx, actor, 'election.participants.view', input.filter, input.include);
    const tenant = await tenantFacts(db, tx, tenantId);
    const bind: unknown[] = [];
    const where = whereSql(input.filter, { id: tenantId, country: tenant.country }, bind);
    const count = async () => (await select<{ n: number }>(db, tx, `SELECT count(*)::integer AS n FROM participants p ${where}`, bind))[0]?.n ?? 0;
    const filtered = Object.keys(input.filter).length > 0;
    const fields = rowSelect({ teams: 'json', party: input.include.partyMembership === true, tasks: true, diets: input.include.diets === true });
    const sql = pageSql(fields, where, orderSql(input.sort, input.order, tenant.country), filtered, `$${bind.length + 1}`, `$${bind.length + 2}`);
    const rows = await select<ListRow & { total_count?: number }>(db, tx, sql, [...bind, input.pageSize, (input.page - 1) * input.pageSize]);
    // A filtered page carries the total; an unfiltered one, or a page past the end, asks for it.
    const total = rows[0]?.total_count ?? (await count());
    let names: Map<string, string> | undefined;
    let items: ListedParticipant[] = rows.map((row) => ({ row }));
    if (input.include.diets) {
      const key = await dietKey(keyring, tx, tenantId);
      names = await dietNames(db, tx);
      items = rows.map((row) => ({ row, diets: openDiets(key, tenantId, row.id, row.diets_sealed) }));
    }
    return { total, items, ...(names ? { dietNames: names } : {}), tenant: { ...tenant, zone: zoneOf(tenant.country) } };
  });
}
