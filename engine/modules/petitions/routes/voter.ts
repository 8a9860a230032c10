// The voter behind a public-site request: the citizen's personal number (from their user row, sealed there
// since their e-ID login) and what the eligibility rules (voter-rules.ts) need to know about them — the level
// of assurance of their login, their birth date, and whether the civil registry has them living in the
// municipality. Worked out once per session and kept in memory (a small LRU with a TTL, per session id), so a
// vote costs no round trip besides the vote itself.
//
// The personal number is revealed WITHOUT a reveal audit row, on purpose: it is never shown to anyone — it
// only becomes the ballot's keyed hash (vote-keys.ts) and the input of the eligibility check — and an audit
// row per vote would sit in the tenant's chain next to the voter's login and say who voted when (see
// commands/cast-vote.ts). The login's level of assurance and the person's residency come from their session:
// residency was asked of the registry at login, for every citizen (engine/identity/residency.ts), so the
// lookup's audit row says nothing about voting; only a session whose login could not ask asks again here,
// with the same purpose and no request id.
import type { Request } from 'express';
import { parsePersonalNumber } from '../../../../forms/formats/personal-number';
import { fieldError } from '../../../../forms/validation';
import type { Actor } from '../../../actors';
import type { Keyring } from '../../../crypto/keyring';
import type { Database } from '../../../db/database';
import type { Country } from '../../../db/models';
import { ForbiddenError, RegistryUnavailableError, UnauthenticatedError } from '../../../errors';
import { PersonalNumbers } from '../../../identity/personal-numbers';
import type { Assurance } from '../../../identity/service-providers';
import type { AuditedRegistry } from '../../../registry/audited';
import type { Voter } from '../commands/cast-vote';
import { select } from '../db';
import { petitionParameters } from '../flow-parameters';
import { authorize } from '../policies';
import { ageRefusal, assuranceRefusal, residencyRefusal, todayIn, voterRulesOf, type VoterRefusal, type VoterRules } from '../voter-rules';
import { checkResidency } from '../../../identity/residency';
import { TtlLru } from '../../../cache/ttl-lru';

const ASSURANCES: readonly Assurance[] = ['low', 'substantial', 'high'];

/** What is kept per session. */
interface VoterFacts {
  userId: string;
  country: Country;
  voter: Voter;
  birthDate: string;
  assurance: Assurance;
  sessionId: string;
  /** From the login's registry lookup; undefined when that could not ask. */
  resident?: boolean;
}

export interface VoterDeps {
  db: Database;
  keyring: Keyring;
  registry?: AuditedRegistry;
}

export interface ResolvedVoter {
  voter: Voter;
  /** Why this person may not vote under the rules; undefined when they may. */
  refusal?: VoterRefusal;
}

export const VOTER_CACHE_TTL_MS = 15 * 60_000;
export const VOTER_CACHE_MAX = 10_000;

/** A session from before its login's level was recorded: the public site's minimum, which every login had to meet. */
async function siteMinimumAssurance(db: Database, tenantId: string): Promise<Assurance> {
  const [site] = await db.withTenant(tenantId, (tx) => select<{ min_assurance: Assurance }>(db, tx, "SELECT min_assurance FROM saml_service_providers WHERE site = 'public'"));
  return site?.min_assurance ?? 'substantial';
}

export class VoterResolver {
  private readonly cache: TtlLru<VoterFacts>;
  private readonly rules: TtlLru<VoterRules>;

  constructor(
    private readonly deps: VoterDeps,
    options: { ttlMs?: number; max?: number; now?: () => number } = {},
  ) {
    this.cache = new TtlLru(options.max ?? VOTER_CACHE_MAX, options.ttlMs ?? VOTER_CACHE_TTL_MS, options.now);
    this.rules = new TtlLru(options.max ?? VOTER_CACHE_MAX, options.ttlMs ?? VOTER_CACHE_TTL_MS, options.now);
  }

  /**
   * A petition's voting rules, from the parameters of the flow version it runs (fixed for the petition's life),
   * kept like the voters so that a vote costs no round trip for them.
   */
  async rulesFor(tenantId: string, petitionId: string): Promise<VoterRules> {
    const key = `${tenantId}:${petitionId}`;
    let rules = this.rules.get(key);
    if (!rules) {
      const { db } = this.deps;
      rules = voterRulesOf(await db.withTenant(tenantId, (tx) => petitionParameters(db, tx, petitionId)));
      this.rules.set(key, rules);
    }
    return rules;
  }

  /** The voter of this request (a citizen logged in with e-ID on the public site) and their verdict under `rules`. */
  async resolve(req: Request, actor: Actor, rules: VoterRules): Promise<ResolvedVoter> {
    authorize(actor, 'petitions.vote.view', { tenantId: actor.tenantId });
    const session = req.session;
    if (!session || actor.kind !== 'user' || session.userId !== actor.id) throw new UnauthenticatedError();
    if (session.kind !== 'citizen') throw new ForbiddenError('voting takes a citizen’s e-ID login');
    const key = `${actor.tenantId}:${session.sessionId}`;
    let facts = this.cache.get(key);
    if (!facts || facts.userId !== session.userId) {
      facts = await this.load(actor.tenantId, session);
      this.cache.set(key, facts);
    }
    const refusal = assuranceRefusal(facts.assurance, rules) ?? ageRefusal(facts.birthDate, rules, todayIn(facts.country)) ?? (await this.residency(actor, key, facts, rules));
    return { voter: facts.voter, ...(refusal ? { refusal } : {}) };
  }

  /** Throws the refusal as a 403 naming its code. */
  static refuse(refusal: VoterRefusal): never {
    throw new ForbiddenError(refusal.message, [fieldError('/', refusal.code, refusal.params, refusal.message)]);
  }

  /**
   * From what the session brought (engine/identity/sessions.ts resume: the login's assurance and residency, the
   * sealed personal number), opened with the tenant's key from memory: no round trip of its own.
   */
  private async load(tenantId: string, session: NonNullable<Request['session']>): Promise<VoterFacts> {
    const pn = session.citizen?.personalNumber;
    if (!pn) throw new ForbiddenError('voting takes a citizen’s e-ID login with a personal number');
    // Not audited: see the head of this file.
    const canonical = await new PersonalNumbers(this.deps.keyring).revealOf(tenantId, { country: pn.country, ciphertext: pn.sealed });
    const parsed = parsePersonalNumber(pn.country, canonical);
    if (!parsed) throw new ForbiddenError('the login’s personal number cannot be read');
    const assurance = ASSURANCES.find((a) => a === session.citizen?.assurance) ?? (await siteMinimumAssurance(this.deps.db, tenantId));
    const resident = session.citizen?.resident;
    return {
      userId: session.userId,
      country: parsed.country,
      voter: { country: parsed.country, canonical: parsed.canonical },
      birthDate: parsed.birthDate,
      sessionId: session.sessionId,
      assurance,
      ...(resident === null || resident === undefined ? {} : { resident }),
    };
  }

  /** Residency from the login; asked again (as at login) only for a session whose login could not ask. */
  private async residency(actor: Actor, key: string, facts: VoterFacts, rules: VoterRules): Promise<VoterRefusal | undefined> {
    if (!rules.residentsOnly) return undefined;
    if (facts.resident === undefined) {
      const registry = this.deps.registry;
      if (!registry) throw new RegistryUnavailableError('No civil registry is configured, so residency cannot be checked.');
      if (actor.kind !== 'user') throw new UnauthenticatedError();
      facts.resident = await checkResidency({ db: this.deps.db, registry }, actor, facts.sessionId, facts.voter.canonical);
      this.cache.set(key, facts);
    }
    return residencyRefusal(facts.resident, rules);
  }
}
