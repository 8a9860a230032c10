// The logged-in participant's own profile on the public site: the registry's data (read-only; a protected
// address is not shown, not even to the person — it is not stored), phone, e-mail and diets (theirs to see and
// edit), the tenant's diets to choose from, and whether the profile may be deleted now (and why not).
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { select, type ElectionDeps } from '../../db';
import { dietNames, findParticipant, type ParticipantRow } from '../../participants/rows';
import { dietKey, openDiets } from '../../participants/sealed-diets';
import type { Keyring } from '../../../../crypto/keyring';
import { requireMe } from './me-common';

export type DeletionBlock = { reason: 'lockPeriod'; ends: string } | { reason: 'taskWorked' };

/**
 * Why the person may not delete their profile now, or undefined: a task worked (an accepted task whose date has
 * passed: the payment needs the data), or a task held in an election inside its lock period.
 */
export async function deletionBlock(db: Database, tx: Transaction, participantId: string): Promise<DeletionBlock | undefined> {
  const [worked] = await select<{ n: number }>(db, tx, "SELECT count(*)::integer AS n FROM task_slots WHERE participant_id = $1 AND state = 'accepted' AND task_date < current_date", [participantId]);
  if (worked && worked.n > 0) return { reason: 'taskWorked' };
  const [locked] = await select<{ ends: string }>(
    db,
    tx,
    `SELECT max(e.election_day)::text AS ends FROM task_slots s JOIN elections e ON e.tenant_id = s.tenant_id AND e.id = s.election_id
      WHERE s.participant_id = $1 AND s.state IN ('invited', 'accepted') AND current_date BETWEEN e.election_day - e.lock_days AND e.election_day`,
    [participantId],
  );
  if (locked?.ends) return { reason: 'lockPeriod', ends: locked.ends };
  return undefined;
}

export async function profileOf(db: Database, keyring: Keyring, tx: Transaction, row: ParticipantRow) {
  const choice = openDiets(await dietKey(keyring, tx, row.tenant_id), row.tenant_id, row.id, row.diets_sealed);
  const names = await dietNames(db, tx);
  const block = await deletionBlock(db, tx, row.id);
  return {
    registry: {
      givenName: row.given_name,
      familyName: row.family_name,
      personalNumber: row.personal_number_masked,
      birthDate: row.birth_date,
      protectedAddress: row.protected_address,
      address: row.protected_address ? null : row.address,
      postalCode: row.protected_address ? null : row.postal_code,
      city: row.protected_address ? null : row.city,
      municipalityCode: row.municipality_code,
      citizenship: row.citizenship,
      checkedAt: row.registry_checked_at.toISOString(),
    },
    phone: row.phone,
    email: row.email,
    dietIds: choice.dietIds,
    dietNote: choice.note,
    diets: [...names].map(([id, name]) => ({ id, name })),
    deletion: block ? { allowed: false, ...block } : { allowed: true },
  };
}

export type MyProfile = Awaited<ReturnType<typeof profileOf>>;

export async function myProfile(deps: ElectionDeps, actor: Actor): Promise<MyProfile> {
  const { db, keyring } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    const id = await requireMe(db, tx, actor);
    return profileOf(db, keyring, tx, await findParticipant(db, tx, id));
  });
}
