// The civil-registry adapter against the real simulator over HTTP: both protocols (CPR for DK, Navet for SE) map
// the synthetic people of test-people.json as the file says (expectations derived from it, not written here);
// unknown people are undefined; timeouts, 5xx, 429 and dropped connections are retried a bounded number of times
// and then end in registry_unavailable; a 4xx is not retried; a simulator that is down is registry_unavailable;
// an answer outside the protocol is registry_bad_response. Every lookup writes one audit row in the caller's
// transaction (who, whom by keyed hash, why), a failed one rolls the transaction back, and no personal number
// reaches an audit row, a log line or an error message.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { QueryTypes } from 'sequelize';
import { systemActor } from '../../engine/actors';
import { recordAudit } from '../../engine/audit/record';
import { generateKeySpec, parseKeySpec } from '../../engine/crypto/key-spec';
import { Keyring } from '../../engine/crypto/keyring';
import { AppError, RegistryBadResponseError, RegistryUnavailableError } from '../../engine/errors';
import { PersonalNumbers } from '../../engine/identity/personal-numbers';
import { AuditedRegistry, createCivilRegistries, CprClient, lookupAudited, NavetClient, type CivilRegistry, type RegistryPerson } from '../../engine/registry';
import type { RegistryClientOptions } from '../../engine/registry/http';
import { startRegistrySimulator, type RegistrySimulator } from '../../engine/simulators/registry-server';
import { testPeople, type TestCitizen } from '../../engine/simulators/test-people';
import { parsePersonalNumber } from '../../forms/formats/personal-number';
import { createTestTenant, ownerDb, suiteDatabase } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';

const db = suiteDatabase();
const keyring = new Keyring(db, parseKeySpec(generateKeySpec('registry-test')));
const citizens = testPeople.citizens;
const ofCountry = (country: 'DK' | 'SE') => citizens.filter((c) => c.country === country);

let sim: RegistrySimulator;
let logged = '';
const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _enc, done) => ((logged += chunk.toString()), done()) }));

beforeAll(async () => {
  sim = await startRegistrySimulator({ port: 0 });
});
afterAll(() => sim.stop());
afterEach(() => sim.setFaults({}));

/**
 * Quick retries for the fault tests: 3 attempts, 10 ms apart. The per-attempt timeout stays generous (a loaded CI
 * machine took over 150 ms to answer a healthy lookup); the timeout test sets its own short one.
 */
const options = (overrides: Partial<RegistryClientOptions> = {}): RegistryClientOptions => ({ baseUrl: sim.url, credentials: sim.credentials, timeoutMs: 5_000, retries: 2, backoffMs: 10, logger, ...overrides });
const clientFor = (country: 'DK' | 'SE', overrides: Partial<RegistryClientOptions> = {}): CivilRegistry => (country === 'DK' ? new CprClient(options(overrides)) : new NavetClient(options(overrides)));
const purpose = { purpose: 'test.mapping' };

/** What the registry must say about a person, read from the data file. */
function expected(c: TestCitizen): Omit<RegistryPerson, 'address' | 'postalCode' | 'city'> {
  return {
    country: c.country,
    personalNumber: c.personalNumber,
    givenName: c.givenName,
    familyName: c.familyName,
    birthDate: c.birthDate,
    municipalityCode: c.municipalityCode,
    citizenship: c.citizenship,
    protectedAddress: c.protectedAddress,
    deceased: c.deceased,
    // Sweden takes nobody's vote away: Navet has no such field (the data file has no such Swede either).
    disenfranchised: c.country === 'DK' ? c.disenfranchised : false,
  };
}

/** A valid number of the country that is nobody in the file. */
function unknownNumber(country: 'DK' | 'SE'): string {
  const candidates = country === 'DK' ? ['0101901234', '0202802345', '1212121212'] : ['191212121212', '198112189876', '197010632391'];
  return candidates.find((n) => parsePersonalNumber(country, n) && !citizens.some((c) => c.personalNumber === n))!;
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe.each(['DK', 'SE'] as const)('%s registry over HTTP', (country) => {
  const people = ofCountry(country);

  it('the data file has the people worth testing: deceased, protected, disenfranchised (DK), living elsewhere, foreign', () => {
    const home = people[0]!.municipalityCode;
    expect(people.some((c) => c.deceased)).toBe(true);
    expect(people.some((c) => c.protectedAddress)).toBe(true);
    expect(people.some((c) => c.municipalityCode !== home)).toBe(true);
    expect(people.some((c) => c.citizenship !== country)).toBe(true);
    if (country === 'DK') expect(people.some((c) => c.disenfranchised)).toBe(true);
    else expect(people.some((c) => c.disenfranchised)).toBe(false);
  });

  it('maps every synthetic person of the country as the data file says', async () => {
    const client = clientFor(country);
    for (const c of people) {
      const person = await client.lookup(c.personalNumber, purpose);
      expect(person).toMatchObject(expected(c));
      if (c.protectedAddress) {
        // A protected address never leaves the adapter, not even in parts.
        expect([person!.address, person!.postalCode, person!.city]).toEqual([undefined, undefined, undefined]);
      } else {
        expect(`${person!.address}, ${person!.postalCode} ${person!.city}`).toBe(c.address);
      }
    }
  });

  it('accepts the number as people write it (with a hyphen)', async () => {
    const c = people[0]!;
    const written = country === 'DK' ? `${c.personalNumber.slice(0, 6)}-${c.personalNumber.slice(6)}` : `${c.personalNumber.slice(0, 8)}-${c.personalNumber.slice(8)}`;
    expect((await clientFor(country).lookup(written, purpose))?.personalNumber).toBe(c.personalNumber);
  });

  it('answers undefined for a valid number it does not know, and for the other country’s people', async () => {
    const client = clientFor(country);
    const before = sim.lookups;
    expect(await client.lookup(unknownNumber(country), purpose)).toBeUndefined();
    expect(sim.lookups).toBe(before + 1);
    const other = ofCountry(country === 'DK' ? 'SE' : 'DK')[0]!;
    expect(await client.lookup(other.personalNumber, purpose)).toBeUndefined();
  });

  it('looks several up at once (the weekly refresh): the known ones, mapped the same', async () => {
    const numbers = [...people.map((c) => c.personalNumber), unknownNumber(country)];
    const found = await clientFor(country).lookupMany(numbers, purpose);
    expect([...found.keys()].sort()).toEqual(people.map((c) => c.personalNumber).sort());
    for (const c of people) expect(found.get(c.personalNumber)).toMatchObject(expected(c));
  });

  it('retries a timeout and gives up after the third attempt with registry_unavailable', async () => {
    sim.setFaults({ delayMs: 400 });
    const before = sim.lookups;
    const err = await expectCode(clientFor(country, { timeoutMs: 150 }).lookup(people[0]!.personalNumber, purpose), 'registry_unavailable');
    expect(err.status).toBe(503);
    expect(err.message).toMatch(/3 attempts .*no answer within 150 ms/);
    expect(sim.lookups).toBe(before + 3);
  });

  it('retries 503 and 429 and succeeds when the registry recovers', async () => {
    sim.setFaults({ failNext: 2, failStatus: 503 });
    const before = sim.lookups;
    expect(await clientFor(country).lookup(people[0]!.personalNumber, purpose)).toMatchObject(expected(people[0]!));
    expect(sim.lookups).toBe(before + 3);
    sim.setFaults({ failNext: 1, failStatus: 429, retryAfter: 0 });
    expect(await clientFor(country).lookup(people[0]!.personalNumber, purpose)).toMatchObject(expected(people[0]!));
  });

  it('retries a dropped connection', async () => {
    sim.setFaults({ dropNext: 1 });
    expect(await clientFor(country).lookup(people[0]!.personalNumber, purpose)).toMatchObject(expected(people[0]!));
  });

  it('gives up on a registry that keeps answering 503', async () => {
    sim.setFaults({ failNext: 5, failStatus: 503 });
    const before = sim.lookups;
    await expectCode(clientFor(country).lookup(people[0]!.personalNumber, purpose), 'registry_unavailable');
    expect(sim.lookups).toBe(before + 3);
  });

  it('does not retry a 4xx', async () => {
    sim.setFaults({ failNext: 5, failStatus: 400 });
    const before = sim.lookups;
    await expectCode(clientFor(country).lookup(people[0]!.personalNumber, purpose), 'registry_bad_response');
    expect(sim.lookups).toBe(before + 1);
  });

  it('refused credentials are registry_unavailable, at once', async () => {
    const before = sim.lookups;
    const err = await expectCode(clientFor(country, { credentials: { user: sim.credentials.user, password: 'wrong-password' } }).lookup(people[0]!.personalNumber, purpose), 'registry_unavailable');
    expect(err.message).toMatch(/refused our credentials \(401\)/);
    expect(sim.lookups).toBe(before);
  });

  it('a wrong address is not "nobody": registry_bad_response', async () => {
    await expectCode(clientFor(country, { baseUrl: `${sim.url}/elsewhere` }).lookup(people[0]!.personalNumber, purpose), 'registry_bad_response');
  });

  it('a simulator that is down is registry_unavailable', async () => {
    const down = await startRegistrySimulator({ port: 0 });
    await down.stop();
    const err = await expectCode(clientFor(country, { baseUrl: down.url, credentials: down.credentials }).lookup(people[0]!.personalNumber, purpose), 'registry_unavailable');
    expect(err.message).toMatch(/network error/);
  });
});

describe('answers outside the protocol', () => {
  let liar: Server;
  let body: unknown;
  beforeAll(async () => {
    liar = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body)));
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => liar.close(() => resolve())));
  const url = () => `http://127.0.0.1:${(liar.address() as AddressInfo).port}`;
  const dk = ofCountry('DK')[0]!;
  const se = ofCountry('SE')[0]!;

  it('refuses a body that is not JSON, one that fails the schema, and one about somebody else', async () => {
    body = '<html>maintenance</html>';
    await expectCode(new CprClient(options({ baseUrl: url() })).lookup(dk.personalNumber, purpose), 'registry_bad_response');
    body = { CPR: dk.personalNumber, navn: {} };
    const err = await expectCode(new CprClient(options({ baseUrl: url() })).lookup(dk.personalNumber, purpose), 'registry_bad_response');
    expect(err.message).not.toContain(dk.personalNumber);
    const other = ofCountry('DK')[1]!;
    const simAnswer = await fetch(`${sim.url}/cpr/v1/personer/opslag`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${sim.credentials.user}:${sim.credentials.password}`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ PNR: other.personalNumber }),
    });
    body = await simAnswer.json();
    await expectCode(new CprClient(options({ baseUrl: url() })).lookup(dk.personalNumber, purpose), 'registry_bad_response');
    body = { Folkbokforingsposter: [{ Personpost: { PersonId: { PersonNr: se.personalNumber } } }] };
    await expectCode(new NavetClient(options({ baseUrl: url() })).lookup(se.personalNumber, purpose), 'registry_bad_response');
  });
});

describe('audited lookups', () => {
  const registries = () => createCivilRegistries(options());
  const auditRows = (tenantId: string) =>
    db.withTenant(tenantId, (tx) =>
      db.sequelize.query<{ action: string; actor_type: string; actor_id: string; entity_type: string; entity_id: string; summary: Record<string, unknown> }>(
        'SELECT action, actor_type, actor_id, entity_type, entity_id, summary FROM audit_log ORDER BY seq',
        { type: QueryTypes.SELECT, transaction: tx },
      ),
    );

  it.each(['DK', 'SE'] as const)('writes one row per lookup in a %s tenant: who, whom by keyed hash, why, found or not; never the number', async (country) => {
    const t = await createTestTenant({ country });
    const ctx = { tenantId: t.id, actor: systemActor(t.id, 'registry-test') };
    const [someone] = ofCountry(country);
    const unknown = unknownNumber(country);
    const deps = { db, keyring, registries: registries() };
    const before = (await auditRows(t.id)).length;
    const [person, nobody] = await db.withTenant(t.id, async (tx) => [await lookupAudited(deps, tx, ctx, someone!.personalNumber, 'participant.create'), await lookupAudited(deps, tx, ctx, unknown, 'vote.residency')]);
    expect(person).toMatchObject(expected(someone!));
    expect(nobody).toBeUndefined();

    const rows = (await auditRows(t.id)).slice(before);
    const hash = (n: string) => db.withTenant(t.id, (tx) => new PersonalNumbers(keyring).lookupHash(tx, t.id, parsePersonalNumber(country, n)!));
    const registry = country === 'DK' ? 'cpr' : 'navet';
    expect(rows).toEqual([
      { action: 'civilRegistry.lookedUp', actor_type: 'system', actor_id: 'registry-test', entity_type: 'person', entity_id: await hash(someone!.personalNumber), summary: { purpose: 'participant.create', registry, found: true } },
      { action: 'civilRegistry.lookedUp', actor_type: 'system', actor_id: 'registry-test', entity_type: 'person', entity_id: await hash(unknown), summary: { purpose: 'vote.residency', registry, found: false } },
    ]);

    // Several at once: one row per person asked about.
    const numbers = ofCountry(country).map((c) => c.personalNumber);
    const found = await db.withTenant(t.id, (tx) => new AuditedRegistry(deps).lookupMany(tx, ctx, numbers, { purpose: 'eligibility.refresh' }));
    expect(found.size).toBe(numbers.length);
    const all = await auditRows(t.id);
    expect(all.filter((r) => r.summary.purpose === 'eligibility.refresh')).toHaveLength(numbers.length);

    // No personal number of anyone, in any form, in the tenant's audit log.
    const text = JSON.stringify(all);
    for (const n of [...citizens.map((c) => c.personalNumber), unknown]) {
      expect(text).not.toContain(n);
      expect(text).not.toContain(n.slice(-10));
    }
  });

  it('a registry that is down rolls the caller’s transaction back: nothing half-created', async () => {
    const t = await createTestTenant({ country: 'DK' });
    const ctx = { tenantId: t.id, actor: systemActor(t.id, 'registry-test') };
    const [a, b] = ofCountry('DK');
    const before = await auditRows(t.id);
    const attempt = db.withTenant(t.id, async (tx) => {
      await recordAudit(db, tx, ctx, { action: 'tenant.contactUpdated', entityType: 'tenant', entityId: t.id, summary: { changed: ['email'] } });
      await lookupAudited({ db, keyring, registries: registries() }, tx, ctx, a!.personalNumber, 'participant.create');
      sim.setFaults({ failNext: 10, failStatus: 503 });
      await lookupAudited({ db, keyring, registries: registries() }, tx, ctx, b!.personalNumber, 'participant.create');
    });
    await expectCode(attempt, 'registry_unavailable');
    expect(await auditRows(t.id)).toEqual(before);
  });

  it('refuses a lookup without a purpose', async () => {
    const t = await createTestTenant({ country: 'DK' });
    const ctx = { tenantId: t.id, actor: systemActor(t.id, 'registry-test') };
    await expect(db.withTenant(t.id, (tx) => lookupAudited({ db, keyring, registries: registries() }, tx, ctx, ofCountry('DK')[0]!.personalNumber, ''))).rejects.toThrow(/purpose/);
  });
});

describe('logs', () => {
  it('the retries were logged, and no log line carries a personal number', () => {
    expect(logged).toMatch(/civil registry: attempt failed, retrying/);
    for (const c of citizens) expect(logged).not.toContain(c.personalNumber);
  });

  it('error messages name no person', async () => {
    sim.setFaults({ failNext: 5, failStatus: 503 });
    const c = ofCountry('SE')[0]!;
    const err = await new NavetClient(options()).lookup(c.personalNumber, purpose).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(RegistryUnavailableError);
    expect((err as Error).message).not.toContain(c.personalNumber);
    expect(err).not.toBeInstanceOf(RegistryBadResponseError);
  });
});

describe('the platform', () => {
  it('starts the simulator as its own service when REGISTRY_URL is unset, hands modules the audited registry, and stops it', async () => {
    const t = await createTestTenant({ country: 'SE' });
    const platform = await startTestPlatform([], {}, { dispatcher: 'off' });
    let stopped = false;
    try {
      expect(platform.registrySimulator?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const c = ofCountry('SE')[0]!;
      const person = await platform.db.withTenant(t.id, (tx) => platform.registry!.lookup(tx, { tenantId: t.id, actor: systemActor(t.id, 'registry-test') }, c.personalNumber, { purpose: 'participant.create' }));
      expect(person).toMatchObject(expected(c));
      const url = platform.registrySimulator!.url;
      await platform.stop();
      stopped = true;
      await expect(fetch(`${url}/navet/v1/folkbokforingsposter`, { method: 'POST' })).rejects.toThrow();
    } finally {
      if (!stopped) await platform.stop();
    }
    const [{ count }] = (await ownerDb().query<{ count: string }>(`SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'civilRegistry.lookedUp'`, { bind: [t.id], type: QueryTypes.SELECT })) as [{ count: string }];
    expect(Number(count)).toBe(1);
  });
});
