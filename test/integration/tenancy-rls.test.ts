// Row-level security: the application role sees and changes only the tenant set for its transaction,
// whatever SQL it runs, and sees nothing when no tenant is set.
import { QueryTypes } from 'sequelize';
import { testAdministrator } from '../helpers/sessions';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../../engine/errors';
import { authorize } from '../../engine/policies';
import { addTenantHost } from '../../engine/tenancy/tenant-hosts';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';

const db = suiteDatabase();
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant({ country: 'SE' })]);
});

const rows = <T extends object>(sql: string, tenantId?: string) =>
  tenantId
    ? db.withTenant(tenantId, (tx) => db.sequelize.query<T>(sql, { type: QueryTypes.SELECT, transaction: tx }))
    : db.sequelize.query<T>(sql, { type: QueryTypes.SELECT });

describe('row-level security', () => {
  it('the application role is neither superuser nor able to bypass RLS, nor owner of the tables', async () => {
    const [role] = await rows<{ rolsuper: boolean; rolbypassrls: boolean }>('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await rows<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user");
    expect(owned).toEqual([]);
  });

  it('every table with tenant data has RLS enabled', async () => {
    const tables = await rows<{ relname: string; relrowsecurity: boolean }>(
      "SELECT c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations'",
    );
    expect(tables.length).toBeGreaterThanOrEqual(4);
    expect(tables.filter((t) => !t.relrowsecurity)).toEqual([]);
  });

  it('a query without a tenant sees no rows', async () => {
    for (const table of ['tenants', 'tenant_hosts', 'audit_log', 'audit_chain_heads', 'tenant_keys', 'users', 'sessions', 'saml_requests', 'saml_assertions_seen', 'saml_service_providers']) {
      expect(await rows(`SELECT * FROM ${table}`)).toEqual([]);
    }
  });

  it('a transaction gets its tenant in the round trip that starts it, and a nested one keeps it', async () => {
    const sent: string[] = [];
    db.sequelize.addHook('afterQuery', 'record', (_options, query) => void sent.push((query as unknown as { sql: string }).sql));
    try {
      const seen = await db.withTenant(a.id, async (tx) => {
        const [outer] = await db.sequelize.query<{ t: string }>('SELECT current_tenant_id() AS t', { type: QueryTypes.SELECT, transaction: tx });
        const inner = await db.sequelize.transaction({ transaction: tx }, (sp) => db.sequelize.query<{ t: string }>('SELECT current_tenant_id() AS t', { type: QueryTypes.SELECT, transaction: sp }));
        return [outer!.t, inner[0]!.t];
      });
      expect(seen).toEqual([a.id, a.id]);
    } finally {
      db.sequelize.removeHook('afterQuery', 'record');
    }
    expect(sent[0]).toBe(`START TRANSACTION; SELECT set_config('app.tenant_id', '${a.id}', true);`);
    expect(sent.filter((sql) => sql.includes('set_config'))).toHaveLength(1);
    // Not a UUID: set by a statement of its own with the id bound, and refused by the database as before.
    await expect(rows('SELECT * FROM tenants', "x', true); DROP TABLE tenants; --")).rejects.toThrow(/uuid/i);
    expect(await rows('SELECT id FROM tenants', a.id)).toHaveLength(1);
  });

  it('a query as tenant A sees only A, whatever the WHERE clause says', async () => {
    const tenants = await rows<{ id: string }>('SELECT id FROM tenants', a.id);
    expect(tenants.map((t) => t.id)).toEqual([a.id]);
    expect(await rows(`SELECT * FROM tenants WHERE id = '${b.id}'`, a.id)).toEqual([]);
    expect(await rows(`SELECT * FROM audit_log WHERE tenant_id = '${b.id}'`, a.id)).toEqual([]);
    const audit = await rows<{ tenant_id: string }>('SELECT tenant_id FROM audit_log', a.id);
    expect(audit.length).toBeGreaterThan(0);
    expect(new Set(audit.map((r) => r.tenant_id))).toEqual(new Set([a.id]));
  });

  it('tenant A cannot change tenant B', async () => {
    const updated = await db.withTenant(a.id, async (tx) => {
      const [, count] = await db.sequelize.query(`UPDATE tenants SET name = 'hijacked' WHERE id = '${b.id}'`, { transaction: tx, type: QueryTypes.UPDATE });
      return count;
    });
    expect(updated).toBe(0);
    await expect(
      db.withTenant(a.id, (tx) =>
        db.sequelize.query(`INSERT INTO audit_log (tenant_id, actor_type, actor_id, action, entity_type, prev_hash, hash) VALUES ('${b.id}', 'system', 'x', 'x.injected', 'x', '', '')`, { transaction: tx }),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(db.withTenant(a.id, (tx) => db.sequelize.query(`DELETE FROM audit_log WHERE tenant_id = '${b.id}'`, { transaction: tx }))).rejects.toThrow(/permission denied/);
    const [bRow] = await rows<{ name: string }>('SELECT name FROM tenants', b.id);
    expect(bRow?.name).toBe(b.name);
  });

  it('the application may not edit or delete audit rows even of its own tenant', async () => {
    await expect(db.withTenant(a.id, (tx) => db.sequelize.query("UPDATE audit_log SET action = 'x.y'", { transaction: tx }))).rejects.toThrow(/permission denied/);
    await expect(db.withTenant(a.id, (tx) => db.sequelize.query('DELETE FROM audit_log', { transaction: tx }))).rejects.toThrow(/permission denied/);
  });

  it('host names resolve to their own tenant and site only', async () => {
    expect(await db.resolveHost(a.publicHost)).toEqual({ tenantId: a.id, site: 'public' });
    expect(await db.resolveHost(b.adminHost.toUpperCase())).toEqual({ tenantId: b.id, site: 'admin' });
    expect(await db.resolveHost('unknown.localhost')).toBeUndefined();
  });
});

describe('policy', () => {
  it('answers another tenant’s resource exactly like a missing one', () => {
    const adminOfA = testAdministrator(a.id);
    expect(() => authorize(adminOfA, 'auditLog.read', { tenantId: b.id })).toThrow(NotFoundError);
    expect(() => authorize(adminOfA, 'auditLog.read', { tenantId: a.id })).not.toThrow();
    expect(() => authorize({ kind: 'anonymous', tenantId: a.id }, 'auditLog.read', { tenantId: a.id })).toThrow(UnauthenticatedError);
  });
});

describe('host names', () => {
  it('can be added per tenant and site, and never taken from another tenant', async () => {
    await addTenantHost(ownerDb(), a.slug, `Valg.${a.slug}.example`, 'public');
    expect(await db.resolveHost(`valg.${a.slug}.example`)).toEqual({ tenantId: a.id, site: 'public' });
    await expect(addTenantHost(ownerDb(), b.slug, `valg.${a.slug}.example`, 'admin')).rejects.toThrow(ValidationError);
    await expect(addTenantHost(ownerDb(), b.slug, 'not a host!', 'admin')).rejects.toThrow(ValidationError);
    const actions = await rows<{ action: string }>('SELECT action FROM audit_log ORDER BY seq', a.id);
    expect(actions.map((r) => r.action)).toContain('tenant.hostAdded');
  });
});
