// The demo tenants carry an accessibility statement (Korsbæk: an address on the Danish state's statement
// service; Småköping: its own Swedish text), and a demo tenant made before the setting existed gets it on the
// next start, once, as its provisioning actor.
import { QueryTypes } from 'sequelize';
import { ensureDemoTenants } from '../../engine/tenancy/demo-tenants';
import { ownerDb, suiteDatabase } from '../helpers/factories';

const db = suiteDatabase();

it('gives every demo tenant its statement, also one that lacked it', async () => {
  await ensureDemoTenants(ownerDb(), db, 'demo-check.localhost');
  const statements = async () =>
    ownerDb().query<{ slug: string; statement: { url?: string; text?: Record<string, string> } }>("SELECT slug, settings->'accessibilityStatement' AS statement FROM tenants WHERE slug IN ('korsbaek', 'smakoping') ORDER BY slug", { type: QueryTypes.SELECT });
  const [korsbaek, smakoping] = await statements();
  expect(korsbaek!.statement).toEqual({ url: 'https://www.was.digst.dk/korsbaek-dk' });
  expect(Object.keys(smakoping!.statement.text!)).toEqual(['sv']);
  expect(smakoping!.statement.text!.sv).toMatch(/tillgänglighet/);

  // As a tenant made before the setting existed: the next start gives it back, audited, and only once.
  await ownerDb().query("UPDATE tenants SET settings = settings - 'accessibilityStatement' WHERE slug = 'korsbaek'");
  await ensureDemoTenants(ownerDb(), db, 'demo-check.localhost');
  await ensureDemoTenants(ownerDb(), db, 'demo-check.localhost');
  expect((await statements())[0]!.statement).toEqual({ url: 'https://www.was.digst.dk/korsbaek-dk' });
  const audited = await ownerDb().query("SELECT 1 FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'korsbaek' AND a.action = 'tenant.accessibilityStatementUpdated'", { type: QueryTypes.SELECT });
  expect(audited).toHaveLength(1);
});
