// The demo tenants carry an accessibility statement (Korsbæk: an address on the Danish state's statement
// service; Småköping: its own Swedish text), and a demo tenant made before the setting existed gets it on the
// next start, once, as its provisioning actor. Each module's demo data comes once: petitions with votes, an
// election with its polling stations, task types, teams, people (looked up in the registry simulator) and slots.
import { QueryTypes } from 'sequelize';
import { ensureDemoTenants } from '../../engine/tenancy/demo-tenants';
import { Keyring } from '../../engine/crypto/keyring';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import pino from 'pino';
import { MODULES } from '../../engine/modules';
import { startCivilRegistry } from '../../engine/registry';
import type { AuditedRegistry } from '../../engine/registry/audited';
import type { RegistrySimulator } from '../../engine/simulators/registry-server';
import { testConfig } from '../helpers/env';
import { ownerDb, suiteDatabase } from '../helpers/factories';

const db = suiteDatabase();
const keyring = new Keyring(db, parseKeySpec(process.env.DATA_MASTER_KEYS!));
let registry: AuditedRegistry | undefined;
let simulator: RegistrySimulator | undefined;

beforeAll(async () => {
  ({ registry, simulator } = await startCivilRegistry(testConfig({ REGISTRY_URL: '' }), { db, keyring, logger: pino({ level: 'silent' }) }));
});

afterAll(async () => {
  await simulator?.stop();
});

const ensure = () => ensureDemoTenants(ownerDb(), db, keyring, 'demo-check.localhost', MODULES, registry);

it('gives every demo tenant its statement, also one that lacked it', async () => {
  await ensure();
  const statements = async () =>
    ownerDb().query<{ slug: string; statement: { url?: string; text?: Record<string, string> } }>("SELECT slug, settings->'accessibilityStatement' AS statement FROM tenants WHERE slug IN ('korsbaek', 'smakoping') ORDER BY slug", { type: QueryTypes.SELECT });
  const [korsbaek, smakoping] = await statements();
  expect(korsbaek!.statement).toEqual({ url: 'https://www.was.digst.dk/korsbaek-dk' });
  expect(Object.keys(smakoping!.statement.text!)).toEqual(['sv']);
  expect(smakoping!.statement.text!.sv).toMatch(/tillgänglighet/);

  // As a tenant made before the setting existed: the next start gives it back, audited, and only once.
  await ownerDb().query("UPDATE tenants SET settings = settings - 'accessibilityStatement' WHERE slug = 'korsbaek'");
  await ensure();
  await ensure();
  expect((await statements())[0]!.statement).toEqual({ url: 'https://www.was.digst.dk/korsbaek-dk' });
  const audited = await ownerDb().query("SELECT 1 FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'korsbaek' AND a.action = 'tenant.accessibilityStatementUpdated'", { type: QueryTypes.SELECT });
  expect(audited).toHaveLength(1);
});

it('shows petitions on first start: open ones with votes, one waiting for moderation, one returned; once', async () => {
  await ensure();
  const rows = await ownerDb().query<{ slug: string; status: string; n: number; votes: number }>(
    `SELECT t.slug, p.status, count(*)::integer AS n, coalesce(sum((SELECT sum(votes) FROM petition_vote_counts c WHERE c.petition_id = p.id)), 0)::integer AS votes
       FROM petitions p JOIN tenants t ON t.id = p.tenant_id WHERE t.slug IN ('korsbaek', 'smakoping') GROUP BY t.slug, p.status ORDER BY t.slug, p.status`,
    { type: QueryTypes.SELECT },
  );
  expect(rows).toEqual([
    { slug: 'korsbaek', status: 'awaitingModeration', n: 1, votes: 0 },
    { slug: 'korsbaek', status: 'open', n: 2, votes: 160 },
    { slug: 'korsbaek', status: 'returned', n: 1, votes: 0 },
    { slug: 'smakoping', status: 'awaitingModeration', n: 1, votes: 0 },
    { slug: 'smakoping', status: 'open', n: 2, votes: 173 },
  ]);
  // Each started its flow (the dispatcher delivers them when the platform runs).
  const [flows] = await ownerDb().query<{ n: number }>("SELECT count(*)::integer AS n FROM flow_instances i JOIN tenants t ON t.id = i.tenant_id WHERE t.slug IN ('korsbaek', 'smakoping') AND i.subject_type = 'petition'", { type: QueryTypes.SELECT });
  expect(flows!.n).toBe(7);
});

it('shows election staffing on first start: an active election with polling stations, task types, teams, people and slots; once', async () => {
  await ensure();
  await ensure();
  const count = (table: string, where = '') =>
    ownerDb().query<{ slug: string; n: number }>(`SELECT t.slug, count(x.*)::integer AS n FROM tenants t LEFT JOIN ${table} x ON x.tenant_id = t.id ${where} WHERE t.slug IN ('korsbaek', 'smakoping') GROUP BY t.slug ORDER BY t.slug`, { type: QueryTypes.SELECT });
  expect(await count('elections', "AND x.active AND x.setup_step = 'done'")).toEqual([{ slug: 'korsbaek', n: 1 }, { slug: 'smakoping', n: 1 }]);
  expect(await count('work_locations')).toEqual([{ slug: 'korsbaek', n: 12 }, { slug: 'smakoping', n: 8 }]);
  expect(await count('election_areas')).toEqual([{ slug: 'korsbaek', n: 4 }, { slug: 'smakoping', n: 4 }]);
  expect(await count('task_types')).toEqual([{ slug: 'korsbaek', n: 6 }, { slug: 'smakoping', n: 3 }]);
  expect(await count('teams', 'AND x.political_party')).toEqual([{ slug: 'korsbaek', n: 11 }, { slug: 'smakoping', n: 0 }]);
  // The test people by registry lookup, each lookup audited; a protected address stored as none.
  expect(await count('participants')).toEqual([{ slug: 'korsbaek', n: 4 }, { slug: 'smakoping', n: 4 }]);
  expect(await count('participants', 'AND x.protected_address AND x.address IS NULL')).toEqual([{ slug: 'korsbaek', n: 1 }, { slug: 'smakoping', n: 1 }]);
  expect(await count('audit_log', "AND x.action = 'civilRegistry.lookedUp'")).toEqual([{ slug: 'korsbaek', n: 4 }, { slug: 'smakoping', n: 4 }]);
  // Half of Korsbæk's people in Borgerservice or Frivillige, half in a party's team; Småköping has no party teams.
  expect(await count('team_members', 'AND x.team_id IN (SELECT id FROM teams WHERE NOT political_party)')).toEqual([{ slug: 'korsbaek', n: 2 }, { slug: 'smakoping', n: 4 }]);
  expect(await count('task_slots', "AND x.state <> 'vacant'")).toEqual([{ slug: 'korsbaek', n: 4 }, { slug: 'smakoping', n: 4 }]);
  const [slots] = await count('task_slots');
  expect(slots!.n).toBe(12 * (4 + 2 + 4 * 1));
  // Every event of the election sends its built-in template, Digital Post first in Denmark, e-mail first in Sweden.
  expect(await count('elections', "AND x.templates->>'invitation' = 'election-invitation' AND x.templates->>'removedByValidation' = 'election-removedByValidation'")).toEqual([{ slug: 'korsbaek', n: 1 }, { slug: 'smakoping', n: 1 }]);
  const channels = await ownerDb().query<{ slug: string; channels: string[] }>("SELECT t.slug, m.channels FROM message_templates m JOIN tenants t ON t.id = m.tenant_id WHERE t.slug IN ('korsbaek', 'smakoping') AND m.key = 'election-taskReminder' ORDER BY t.slug", { type: QueryTypes.SELECT });
  expect(channels).toEqual([{ slug: 'korsbaek', channels: ['digitalPost', 'email', 'sms'] }, { slug: 'smakoping', channels: ['email', 'sms'] }]);
});
