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
import { tenantFacts, dietNames, type TenantFacts } from '../../participants/rows';
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

/** The columns of a list or export row; the aggregates only when asked (each is a subquery per row). */
export function rowSelect(opts: { teams?: 'json' | 'text'; party?: 'json' | 'text'; tasks?: boolean; diets?: boolean }): string {
  const teams = (party: boolean, as: 'json' | 'text') => {
    const agg = as === 'json' ? "json_agg(json_build_object('id', t.id, 'name', t.name, 'shortName', t.short_name) ORDER BY t.name)" : "string_agg(t.name, '; ' ORDER BY t.name)";
    return `(SELECT ${agg} FROM team_members tm JOIN teams t ON t.tenant_id = tm.tenant_id AND t.id = tm.team_id
              WHERE tm.tenant_id = p.tenant_id AND tm.participant_id = p.id AND ${party ? '' : 'NOT '}t.political_party)`;
  };
  return [
    `p.id, p.personal_number_country, p.personal_number_masked, p.given_name, p.family_name, p.birth_date::text AS birth_date, p.address, p.postal_code, p.city,
     p.protected_address, p.municipality_code, p.citizenship, p.deceased, p.disenfranchised, p.registry_checked_at, p.phone, p.email, p.digital_post_exempt, p.created_at`,
    ...(opts.teams ? [`${opts.teams === 'json' ? `coalesce(${teams(false, 'json')}, '[]')` : teams(false, 'text')} AS ${opts.teams === 'json' ? 'team_list' : 'teams'}`] : []),
    ...(opts.party ? [`${opts.party === 'json' ? `coalesce(${teams(true, 'json')}, '[]')` : teams(true, 'text')} AS ${opts.party === 'json' ? 'party_list' : 'party_teams'}`] : []),
    ...(opts.tasks ? [`(SELECT count(*) FROM task_slots ts WHERE ${HELD_SLOT})::integer AS tasks`] : []),
    ...(opts.diets ? ['p.diets_sealed'] : []),
  ].join(', ');
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
    const countBind: unknown[] = [];
    const countWhere = whereSql(input.filter, { id: tenantId, country: tenant.country }, countBind);
    const [count] = await select<{ n: number }>(db, tx, `SELECT count(*)::integer AS n FROM participants p ${countWhere}`, countBind);
    const bind: unknown[] = [];
    const where = whereSql(input.filter, { id: tenantId, country: tenant.country }, bind);
    bind.push(input.pageSize, (input.page - 1) * input.pageSize);
    const rows = await select<ListRow>(
      db,
      tx,
      `SELECT ${rowSelect({ teams: 'json', ...(input.include.partyMembership ? { party: 'json' as const } : {}), tasks: true, diets: input.include.diets === true })}
         FROM participants p ${where} ${orderSql(input.sort, input.order, tenant.country)} LIMIT $${bind.length - 1} OFFSET $${bind.length}`,
      bind,
    );
    let names: Map<string, string> | undefined;
    let items: ListedParticipant[] = rows.map((row) => ({ row }));
    if (input.include.diets) {
      const key = await dietKey(keyring, tx, tenantId);
      names = await dietNames(db, tx);
      items = rows.map((row) => ({ row, diets: openDiets(key, tenantId, row.id, row.diets_sealed) }));
    }
    return { total: count?.n ?? 0, items, ...(names ? { dietNames: names } : {}), tenant: { ...tenant, zone: zoneOf(tenant.country) } };
  });
}
