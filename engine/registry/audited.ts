// Every civil-registry lookup is audited: who (the actor), whom (the person's keyed hash — the same HMAC the
// platform finds people by, never the number), why (the purpose) and what came of it, in one row written in
// the caller's transaction. A lookup that fails (registry down) throws and writes nothing; the caller's
// transaction then rolls back, so nothing is half-created.
import type { Transaction } from 'sequelize';
import { parsePersonalNumber } from '../../forms/formats/personal-number';
import { recordAudit, type CommandContext } from '../audit/record';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import type { Country } from '../db/models';
import { PersonalNumbers } from '../identity/personal-numbers';
import { NotFoundError } from '../errors';
import { PURPOSE_PATTERN, type CivilRegistries, type RegistryPerson, type RegistryPurpose } from './types';

export interface AuditedLookupDeps {
  db: Database;
  keyring: Keyring;
  registries: CivilRegistries;
}

function checkPurpose(purpose: RegistryPurpose): void {
  if (!PURPOSE_PATTERN.test(purpose)) throw new Error(`a civil-registry lookup needs a purpose like "participant.create", not ${JSON.stringify(purpose.slice(0, 60))}`);
}

async function tenantCountry(db: Database, tx: Transaction, tenantId: string): Promise<Country> {
  const tenant = await db.models.Tenant.findByPk(tenantId, { transaction: tx, attributes: ['country'] });
  if (!tenant) throw new NotFoundError();
  return tenant.get({ plain: true }).country;
}

/**
 * Looks several people up in the tenant's registry (its country's) and writes one audit row per valid number
 * asked about (`civilRegistry.lookedUp`: purpose, registry, found). Numbers that are not valid numbers of the
 * tenant's country are not sent and not audited; they are simply not in the result. `tx` must be a withTenant
 * transaction of ctx.tenantId. Returns canonical number → person for those the registry knows.
 */
export async function lookupManyAudited(deps: AuditedLookupDeps, tx: Transaction, ctx: CommandContext, personalNumbers: readonly string[], purpose: RegistryPurpose): Promise<Map<string, RegistryPerson>> {
  checkPurpose(purpose);
  const country = await tenantCountry(deps.db, tx, ctx.tenantId);
  const registry = deps.registries.for(country);
  const parsed = [...new Map(personalNumbers.map((n) => parsePersonalNumber(country, n)).filter((p) => p !== undefined).map((p) => [p.canonical, p])).values()];
  if (parsed.length === 0) return new Map();
  let found: Map<string, RegistryPerson>;
  if (parsed.length === 1) {
    const person = await registry.lookup(parsed[0]!.canonical, { purpose });
    found = new Map(person ? [[person.personalNumber, person]] : []);
  } else found = await registry.lookupMany(parsed.map((p) => p.canonical), { purpose });
  const hashes = new PersonalNumbers(deps.keyring);
  for (const pn of parsed) {
    await recordAudit(deps.db, tx, ctx, {
      action: 'civilRegistry.lookedUp',
      entityType: 'person',
      entityId: await hashes.lookupHash(tx, ctx.tenantId, pn),
      summary: { purpose, registry: registry.name, found: found.has(pn.canonical) },
    });
  }
  return found;
}

/** One person from the tenant's registry, audited; undefined when the registry knows no such person. */
export async function lookupAudited(deps: AuditedLookupDeps, tx: Transaction, ctx: CommandContext, personalNumber: string, purpose: RegistryPurpose): Promise<RegistryPerson | undefined> {
  const found = await lookupManyAudited(deps, tx, ctx, [personalNumber], purpose);
  return found.values().next().value;
}

/** What modules get in their deps (ModuleRouteDeps, RuntimeDeps): the tenant's registry, every lookup audited. */
export class AuditedRegistry {
  constructor(private readonly deps: AuditedLookupDeps) {}

  lookup(tx: Transaction, ctx: CommandContext, personalNumber: string, options: { purpose: RegistryPurpose }): Promise<RegistryPerson | undefined> {
    return lookupAudited(this.deps, tx, ctx, personalNumber, options.purpose);
  }

  lookupMany(tx: Transaction, ctx: CommandContext, personalNumbers: readonly string[], options: { purpose: RegistryPurpose }): Promise<Map<string, RegistryPerson>> {
    return lookupManyAudited(this.deps, tx, ctx, personalNumbers, options.purpose);
  }
}
