// The demo tenants carry an accessibility statement (Korsbæk: an address on the Danish state's statement
// service; Småköping: its own Swedish text), and a demo tenant made before the setting existed gets it on the
// next start, once, as its provisioning actor. Each module's demo data comes once: petitions with votes.
import { QueryTypes } from 'sequelize';
import { ensureDemoTenants } from '../../engine/tenancy/demo-tenants';
import { Keyring } from '../../engine/crypto/keyring';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { ownerDb, suiteDatabase } from '../helpers/factories';

const db = suiteDatabase();
const keyring = new Keyring(db, parseKeySpec(process.env.DATA_MASTER_KEYS!));

it('gives every demo tenant its statement, also one that lacked it', async () => {
  await ensureDemoTenants(ownerDb(), db, keyring, 'demo-check.localhost');
  const statements = async () =>
    ownerDb().query<{ slug: string; statement: { url?: string; text?: Record<string, string> } }>("SELECT slug, settings->'accessibilityStatement' AS statement FROM tenants WHERE slug IN ('korsbaek', 'smakoping') ORDER BY slug", { type: QueryTypes.SELECT });
  const [korsbaek, smakoping] = await statements();
  expect(korsbaek!.statement).toEqual({ url: 'https://www.was.digst.dk/korsbaek-dk' });
  expect(Object.keys(smakoping!.statement.text!)).toEqual(['sv']);
  expect(smakoping!.statement.text!.sv).toMatch(/tillgänglighet/);

  // As a tenant made before the setting existed: the next start gives it back, audited, and only once.
  await ownerDb().query("UPDATE tenants SET settings = settings - 'accessibilityStatement' WHERE slug = 'korsbaek'");
  await ensureDemoTenants(ownerDb(), db, keyring, 'demo-check.localhost');
  await ensureDemoTenants(ownerDb(), db, keyring, 'demo-check.localhost');
  expect((await statements())[0]!.statement).toEqual({ url: 'https://www.was.digst.dk/korsbaek-dk' });
  const audited = await ownerDb().query("SELECT 1 FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'korsbaek' AND a.action = 'tenant.accessibilityStatementUpdated'", { type: QueryTypes.SELECT });
  expect(audited).toHaveLength(1);
});

it('shows petitions on first start: open ones with votes, one waiting for moderation, one returned; once', async () => {
  await ensureDemoTenants(ownerDb(), db, keyring, 'demo-check.localhost');
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
