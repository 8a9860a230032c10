// Whether a citizen lives in the municipality, asked of the civil registry once, when they log in on the
// public site, and kept on their session (sessions.resident). Asked for every citizen login — not when they
// are about to use a service that needs it — so that the lookup's audit row (purpose `session.residency`, by
// the person, naming no service) says nothing about what they went on to do. A registry that cannot
// answer leaves it unknown (NULL); a service that needs it asks again with the same purpose.
import type { Actor } from '../actors';
import type { Database } from '../db/database';
import type { AuditedRegistry } from '../registry/audited';
import { isResident } from '../registry/municipality';

export const RESIDENCY_PURPOSE = 'session.residency';

export async function checkResidency(deps: { db: Database; registry: AuditedRegistry }, actor: Extract<Actor, { kind: 'user' }>, sessionId: string, personalNumber: string): Promise<boolean> {
  const { db, registry } = deps;
  const person = await db.withTenant(actor.tenantId, (tx) => registry.lookup(tx, { tenantId: actor.tenantId, actor }, personalNumber, { purpose: RESIDENCY_PURPOSE }));
  const resident = isResident(person);
  await db.withTenant(actor.tenantId, (tx) => db.sequelize.query('UPDATE sessions SET resident = $2 WHERE id = $1', { bind: [sessionId, resident], transaction: tx }));
  return resident;
}
