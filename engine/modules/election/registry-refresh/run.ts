// What a registry refresh's workflow does, one transaction per batch (its activities: activities/election.ts).
// A batch takes the next participants of the refresh's scope after its cursor (by id), looks them up in the
// civil registry (AuditedRegistry: one audit row per person, purpose election.registryRefresh), writes what
// changed — name, address (none kept when protected), municipality, citizenship, deceased, disenfranchised — and
// takes off their tasks, with the 'removedByValidation' message, those who no longer may hold them (the one rule
// of eligibility.ts: moved away, deceased, disenfranchised, …). Then it moves the cursor and the counts on the
// refresh's row, in the same transaction: a batch retried after it committed takes the next participants, a
// restarted workflow carries on from the cursor. Lookups are rate-limited per tenant (rate-limiter-flexible)
// before the transaction opens, so a wait never holds a lock. Runs as the system; audited by id and field name.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Transaction } from 'sequelize';
import { systemActor } from '../../../actors';
import { recordAudit, type CommandContext } from '../../../audit/record';
import type { Keyring } from '../../../crypto/keyring';
import type { Database } from '../../../db/database';
import { PersonalNumbers } from '../../../identity/personal-numbers';
import type { AuditedRegistry } from '../../../registry/audited';
import type { RegistryPerson } from '../../../registry/types';
import { eligibilityPerson, electionRules } from '../commands/assignments/common';
import { execute, select, tenantFacts } from '../db';
import type { ParticipantRow } from '../participants/rows';
import { eligibility, eligibilityContext, type EligibilityReasonCode } from '../eligibility';
import type { ElectionTypeRule } from '../election-type-rules';
import { authorize } from '../policies';
import { refreshScopeSql } from './request';
import { removeByValidation } from './remove';

export interface RefreshBatchResult {
  total: number;
  done: number;
  updated: number;
  unassigned: number;
  /** Participants of the scope after the cursor. */
  remaining: number;
}

/** The refresh is not (or no longer) to be carried on: finished already, or not there. */
export class RefreshNotRunning extends Error {
  override readonly name = 'RefreshNotRunning';
}

export interface RefreshDeps {
  db: Database;
  keyring: Keyring;
  registry: AuditedRegistry;
  /** Lookups per second per tenant (default REGISTRY_LOOKUPS_PER_SECOND). */
  lookupsPerSecond?: number;
}

/** The civil registry's fair share for one tenant's refresh: lookups per second. */
export const REGISTRY_LOOKUPS_PER_SECOND = 25;
const MAX_BATCH = 200;
export const REGISTRY_PURPOSE = 'election.registryRefresh';

const limiters = new Map<number, RateLimiterMemory>();

/** Waits until `n` lookups of the tenant fit in the rate (taken a second's worth at a time). */
export async function takeLookups(tenantId: string, n: number, perSecond = REGISTRY_LOOKUPS_PER_SECOND): Promise<void> {
  let limiter = limiters.get(perSecond);
  if (!limiter) limiters.set(perSecond, (limiter = new RateLimiterMemory({ keyPrefix: `registry-refresh-${perSecond}`, points: perSecond, duration: 1 })));
  let left = n;
  while (left > 0) {
    const take = Math.min(left, perSecond);
    try {
      await limiter.consume(tenantId, take);
      left -= take;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.max(err.msBeforeNext, 10)));
    }
  }
}

function systemContext(tenantId: string): CommandContext {
  const ctx = { tenantId, actor: systemActor(tenantId, 'election-registry-refresh') };
  authorize(ctx.actor, 'election.registryRefresh.run', { tenantId });
  return ctx;
}

interface RefreshRow {
  election_id: string | null;
  status: string;
  cursor: string | null;
  done: number;
  updated: number;
  unassigned: number;
  not_found: number;
  unassigned_reasons: Record<string, number>;
}

/** What the run reads of a participant: the registry's columns it may change, and the number to look up. */
type Candidate = Pick<ParticipantRow, 'id' | 'personal_number_country' | 'personal_number_sealed' | 'given_name' | 'family_name' | 'birth_date' | 'address' | 'postal_code' | 'city' | 'municipality_code' | 'citizenship' | 'protected_address' | 'deceased' | 'disenfranchised'>;

/** The registry's answer as the participant's columns (a protected address keeps none). */
function registryColumns(person: RegistryPerson): Record<string, string | boolean | null> {
  const hidden = person.protectedAddress;
  return {
    given_name: person.givenName,
    family_name: person.familyName,
    address: hidden ? null : (person.address ?? null),
    postal_code: hidden ? null : (person.postalCode ?? null),
    city: hidden ? null : (person.city ?? null),
    municipality_code: person.municipalityCode,
    citizenship: person.citizenship,
    protected_address: person.protectedAddress,
    deceased: person.deceased,
    disenfranchised: person.disenfranchised,
  };
}

/** Writes the changed columns; answers their names (none: only registry_checked_at moves). */
async function applyPerson(db: Database, tx: Transaction, row: Candidate, person: RegistryPerson): Promise<string[]> {
  const next = registryColumns(person);
  const changed = Object.keys(next).filter((column) => (row as unknown as Record<string, unknown>)[column] !== next[column]);
  const sets = changed.map((column, i) => `${column} = $${i + 2}`);
  await execute(db, tx, `UPDATE participants SET ${[...sets, 'registry_checked_at = now()', ...(changed.length ? ['updated_at = now()'] : [])].join(', ')} WHERE id = $1`, [row.id, ...changed.map((c) => next[c])]);
  for (const column of changed) (row as unknown as Record<string, unknown>)[column] = next[column];
  return changed;
}

export async function refreshRegistryBatch(deps: RefreshDeps, input: { tenantId: string; refreshId: string; batchSize: number }): Promise<RefreshBatchResult> {
  const ctx = systemContext(input.tenantId);
  const { db, keyring, registry } = deps;
  const limit = Math.max(1, Math.min(MAX_BATCH, Math.floor(input.batchSize)));
  await takeLookups(input.tenantId, limit, deps.lookupsPerSecond);
  return db.withTenant(input.tenantId, async (tx) => {
    // Locked for the batch: a resumed run beside a late one take their batches one after the other.
    const [refresh] = await select<RefreshRow & { total: number }>(
      db,
      tx,
      'SELECT election_id, status, cursor, total, done, updated, unassigned, not_found, unassigned_reasons FROM registry_refreshes WHERE id = $1 FOR UPDATE',
      [input.refreshId],
    );
    if (!refresh) throw new RefreshNotRunning('no such refresh');
    if (refresh.status !== 'running') throw new RefreshNotRunning(`the refresh is ${refresh.status}`);
    await execute(db, tx, 'UPDATE registry_refreshes SET started_at = coalesce(started_at, now()) WHERE id = $1', [input.refreshId]);

    const candidates = await select<Candidate>(
      db,
      tx,
      `SELECT id, personal_number_country, personal_number_sealed, given_name, family_name, birth_date::text AS birth_date, address, postal_code, city,
              municipality_code, citizenship, protected_address, deceased, disenfranchised
         FROM participants
        WHERE id IN (${refreshScopeSql('$1')}) AND ($2::uuid IS NULL OR id > $2::uuid)
        ORDER BY id LIMIT $3 FOR UPDATE`,
      [refresh.election_id, refresh.cursor, limit],
    );

    const counts = { updated: 0, unassigned: 0, notFound: 0, reasons: { ...refresh.unassigned_reasons } };
    if (candidates.length > 0) {
      const numbers = new PersonalNumbers(keyring);
      const byNumber = new Map<string, Candidate>();
      for (const c of candidates) byNumber.set(await numbers.reveal(tx, input.tenantId, { country: c.personal_number_country, ciphertext: c.personal_number_sealed }), c);
      const found = await registry.lookupMany(tx, ctx, [...byNumber.keys()], { purpose: REGISTRY_PURPOSE });
      const facts = await tenantFacts(db, tx, input.tenantId);
      const rulesOf = new Map<string, ElectionTypeRule[]>();

      for (const [pn, row] of byNumber) {
        const person = found.get(pn);
        if (!person) {
          counts.notFound++;
          continue;
        }
        const fields = await applyPerson(db, tx, row, person);
        if (fields.length > 0) {
          counts.updated++;
          await recordAudit(db, tx, ctx, { action: 'election.participantRegistryUpdated', entityType: 'electionParticipant', entityId: row.id, summary: { participantId: row.id, refreshId: input.refreshId, fields } });
        }
        // The tasks this person holds in the refresh's scope, each judged by the one rule on its own date.
        const slots = await select<{ id: string; election_id: string; task_date: string; state: 'invited' | 'accepted' }>(
          db,
          tx,
          `SELECT s.id, s.election_id, s.task_date::text AS task_date, s.state FROM task_slots s JOIN elections e ON e.tenant_id = s.tenant_id AND e.id = s.election_id
            WHERE s.participant_id = $1 AND s.state IN ('invited', 'accepted') AND s.task_date >= current_date
              AND (CASE WHEN $2::uuid IS NULL THEN e.active ELSE e.id = $2::uuid END)
            ORDER BY s.task_date, s.id FOR UPDATE OF s`,
          [row.id, refresh.election_id],
        );
        let removed = false;
        for (const slot of slots) {
          let rules = rulesOf.get(slot.election_id);
          if (!rules) rulesOf.set(slot.election_id, (rules = await electionRules(db, tx, slot.election_id)));
          const verdict = eligibility(eligibilityPerson(row), rules, eligibilityContext(facts.country, slot.task_date));
          if (verdict.eligible) continue;
          const reasons = verdict.reasons.map((r) => r.code);
          await removeByValidation(db, tx, ctx, { tenantId: input.tenantId, refreshId: input.refreshId, participantId: row.id, slot, reasons });
          removed = true;
          const first: EligibilityReasonCode = reasons[0]!;
          counts.reasons[first] = (counts.reasons[first] ?? 0) + 1;
        }
        if (removed) counts.unassigned++;
      }
    }

    const cursor = candidates.length ? candidates[candidates.length - 1]!.id : refresh.cursor;
    const [{ remaining } = { remaining: 0 }] = await select<{ remaining: number }>(
      db,
      tx,
      `SELECT count(DISTINCT participant_id)::int AS remaining FROM (${refreshScopeSql('$1')}) scope WHERE $2::uuid IS NULL OR participant_id > $2::uuid`,
      [refresh.election_id, cursor],
    );
    const [after] = await select<{ done: number; total: number; updated: number; unassigned: number }>(
      db,
      tx,
      `UPDATE registry_refreshes SET cursor = $2, done = done + $3, updated = updated + $4, unassigned = unassigned + $5, not_found = not_found + $6,
              unassigned_reasons = $7::jsonb, total = done + $3 + $8
        WHERE id = $1 RETURNING done, total, updated, unassigned`,
      [input.refreshId, cursor, candidates.length, counts.updated, counts.unassigned, counts.notFound, JSON.stringify(counts.reasons), remaining],
    );
    return { ...after!, remaining };
  });
}

/** Marks the refresh finished ('done', or 'failed'); a second call changes nothing. */
export async function finishRegistryRefresh(db: Database, input: { tenantId: string; refreshId: string; outcome: 'done' | 'failed' }): Promise<void> {
  const ctx = systemContext(input.tenantId);
  await db.withTenant(input.tenantId, async (tx) => {
    const [row] = await select<{ total: number; done: number; updated: number; unassigned: number; not_found: number; unassigned_reasons: Record<string, number> }>(
      db,
      tx,
      "UPDATE registry_refreshes SET status = $2, finished_at = now() WHERE id = $1 AND status = 'running' RETURNING total, done, updated, unassigned, not_found, unassigned_reasons",
      [input.refreshId, input.outcome],
    );
    if (!row) return;
    await recordAudit(db, tx, ctx, {
      action: 'election.registryRefreshFinished',
      entityType: 'electionRegistryRefresh',
      entityId: input.refreshId,
      summary: { refreshId: input.refreshId, status: input.outcome, total: row.total, done: row.done, updated: row.updated, unassigned: row.unassigned, notFound: row.not_found, reasons: row.unassigned_reasons },
    });
  });
}
