// The audit log: written in the same transaction as the change, hash-chained per tenant, tamper-evident,
// and still verifiable after a retention purge.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { QueryTypes } from 'sequelize';
import { systemActor } from '../../engine/actors';
import { testAdministrator } from '../helpers/sessions';
import { recordAudit, recordAudits } from '../../engine/audit/record';
import { verifyAuditChain } from '../../engine/audit/verify';
import { purgeAuditLog, retentionCutoff } from '../../engine/commands/purge-audit-log';
import { updateContactInfo } from '../../engine/commands/update-contact-info';
import { ForbiddenError, ValidationError } from '../../engine/errors';
import { testServices } from '../helpers/env';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';

const db = suiteDatabase();

const contact = { email: 'valg@example.dk', phone: '+45 12 34 56 78', address: 'Torvet 2' };

async function auditRows(tenantId: string) {
  return db.withTenant(tenantId, (tx) =>
    db.sequelize.query<{ seq: string; action: string; summary: Record<string, unknown> }>('SELECT seq, action, summary FROM audit_log ORDER BY seq', { type: QueryTypes.SELECT, transaction: tx }),
  );
}

async function verify(t: TestTenant) {
  return verifyAuditChain(ownerDb(), t.id);
}

describe('audit log', () => {
  it('a command writes its audit row in the same transaction, without the sensitive values', async () => {
    const t = await createTestTenant();
    await updateContactInfo(db, { tenantId: t.id, actor: testAdministrator(t.id), requestId: 'req-1' }, contact);
    const rows = await auditRows(t.id);
    expect(rows.map((r) => r.action)).toEqual(['tenant.created', 'tenant.contactUpdated']);
    expect(JSON.stringify(rows[1]!.summary)).not.toContain(contact.email);
    expect(rows[1]!.summary).toEqual({ changed: expect.arrayContaining(['email', 'phone', 'address']) });
  });

  it('a rolled-back command leaves no audit row', async () => {
    const t = await createTestTenant();
    const ctx = { tenantId: t.id, actor: testAdministrator(t.id) };
    await expect(
      db.withTenant(t.id, async (tx) => {
        await recordAudit(db, tx, ctx, { action: 'tenant.somethingDone', entityType: 'tenant' });
        throw new Error('the change failed after auditing');
      }),
    ).rejects.toThrow('the change failed');
    expect((await auditRows(t.id)).map((r) => r.action)).toEqual(['tenant.created']);
    expect((await verify(t)).ok).toBe(true);
  });

  it('bad input writes nothing, not even an audit row', async () => {
    const t = await createTestTenant();
    await expect(updateContactInfo(db, { tenantId: t.id, actor: testAdministrator(t.id) }, { email: 'not-an-email' })).rejects.toThrow(ValidationError);
    expect(await auditRows(t.id)).toHaveLength(1);
  });

  it('chains rows per tenant: seq has no gaps and the chain verifies', async () => {
    const t = await createTestTenant();
    const ctx = { tenantId: t.id, actor: testAdministrator(t.id) };
    // Concurrent commands on one tenant must still produce one unbroken chain.
    await Promise.all(Array.from({ length: 8 }, (_, i) => updateContactInfo(db, ctx, { ...contact, address: `Torvet ${i}` })));
    const rows = await auditRows(t.id);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
    expect(await verify(t)).toMatchObject({ ok: true, rows: 9, headSeq: 9, problems: [] });
  });

  it('chains a commit’s many rows in the order they were inserted, beside concurrent commits, and chains rows made after an early check', async () => {
    const t = await createTestTenant();
    const ctx = { tenantId: t.id, actor: testAdministrator(t.id) };
    const batch = (label: string, n: number) =>
      db.withTenant(t.id, async (tx) => {
        await recordAudits(db, tx, Array.from({ length: n }, (_, i) => ({ ctx, event: { action: 'tenant.somethingDone', entityType: 'tenant', entityId: `${label}-${i}` } })));
        // Checking the deferred constraints mid-transaction chains what is there so far; what follows is chained at the commit.
        await db.sequelize.query('SET CONSTRAINTS ALL IMMEDIATE', { transaction: tx });
        await recordAudit(db, tx, ctx, { action: 'tenant.somethingDone', entityType: 'tenant', entityId: `${label}-last` });
      });
    await Promise.all([batch('a', 150), batch('b', 150), batch('c', 3)]);
    const rows = await db.withTenant(t.id, (tx) =>
      db.sequelize.query<{ seq: string; entity_id: string }>("SELECT seq, entity_id FROM audit_log WHERE action = 'tenant.somethingDone' ORDER BY seq", { type: QueryTypes.SELECT, transaction: tx }),
    );
    expect(rows).toHaveLength(306);
    // Each commit's rows are consecutive in the chain and in their order of insertion.
    for (const label of ['a', 'b', 'c']) {
      const mine = rows.filter((r) => r.entity_id.startsWith(`${label}-`));
      const n = mine.length - 1;
      expect(mine.map((r) => r.entity_id)).toEqual([...Array.from({ length: n }, (_, i) => `${label}-${i}`), `${label}-last`]);
      expect(Number(mine[n]!.seq) - Number(mine[0]!.seq)).toBe(n);
    }
    expect(await verify(t)).toMatchObject({ ok: true, rows: 307, headSeq: 307, problems: [] });
  });

  it('chains the rows of two tenants written in one transaction each on its own chain', async () => {
    const [t1, t2] = [await createTestTenant(), await createTestTenant()];
    const owner = ownerDb();
    await owner.transaction(async (tx) => {
      for (const t of [t1, t2, t1, t2, t1])
        await owner.query("INSERT INTO audit_log (tenant_id, actor_type, actor_id, action, entity_type) VALUES ($1, 'system', 'test', 'tenant.somethingDone', 'tenant')", { bind: [t.id], transaction: tx });
    });
    expect(await verify(t1)).toMatchObject({ ok: true, rows: 4, headSeq: 4 }); // with tenant.created
    expect(await verify(t2)).toMatchObject({ ok: true, rows: 3, headSeq: 3 });
  });

  it('detects an edited row', async () => {
    const t = await createTestTenant();
    await updateContactInfo(db, { tenantId: t.id, actor: testAdministrator(t.id) }, contact);
    await ownerDb().query(`UPDATE audit_log SET actor_id = 'someone-else' WHERE tenant_id = $1 AND seq = 2`, { bind: [t.id] });
    const report = await verify(t);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain('row 2 was changed after it was written');
  });

  it('detects a deleted row in the middle and a deleted tail', async () => {
    const t = await createTestTenant();
    const ctx = { tenantId: t.id, actor: testAdministrator(t.id) };
    for (let i = 0; i < 3; i++) await updateContactInfo(db, ctx, { ...contact, address: `Torvet ${i}` });
    await ownerDb().query('DELETE FROM audit_log WHERE tenant_id = $1 AND seq = 2', { bind: [t.id] });
    expect((await verify(t)).problems).toEqual(expect.arrayContaining(['row 2 missing', 'row 3 does not link to the row before it']));

    const t2 = await createTestTenant();
    await updateContactInfo(db, { tenantId: t2.id, actor: testAdministrator(t2.id) }, contact);
    await ownerDb().query('DELETE FROM audit_log WHERE tenant_id = $1 AND seq = 2', { bind: [t2.id] });
    expect((await verify(t2)).problems.join()).toMatch(/rows at the end are missing/);
  });

  it('purges rows older than the retention period and the chain still verifies', async () => {
    const t = await createTestTenant({ auditLogMonths: 6 });
    const ctx = { tenantId: t.id, actor: testAdministrator(t.id) };
    await updateContactInfo(db, ctx, contact);
    const housekeeping = { tenantId: t.id, actor: systemActor(t.id, 'housekeeping') };

    const now = new Date();
    expect((await purgeAuditLog(db, housekeeping, now)).purged).toBe(0);
    const sevenMonthsOn = new Date(now.getTime() + 7 * 31 * 86_400_000);
    const result = await purgeAuditLog(db, housekeeping, sevenMonthsOn);
    expect(result.purged).toBe(2);
    const rows = await auditRows(t.id);
    expect(rows.map((r) => r.action)).toEqual(['auditLog.purged']);
    expect(rows[0]!.summary).toMatchObject({ purged: 2, retentionMonths: 6 });
    expect(await verify(t)).toMatchObject({ ok: true, rows: 1, anchorSeq: 2, headSeq: 3 });
  });

  it('only the housekeeping (a system actor) may purge', async () => {
    const t = await createTestTenant();
    await expect(purgeAuditLog(db, { tenantId: t.id, actor: testAdministrator(t.id) }, new Date())).rejects.toThrow(ForbiddenError);
  });

  it('computes calendar-month cut-offs', () => {
    expect(retentionCutoff(new Date('2026-08-31T12:00:00Z'), 6).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(retentionCutoff(new Date('2026-05-15T00:00:00Z'), 3).toISOString()).toBe('2026-02-15T00:00:00.000Z');
    expect(retentionCutoff(new Date('2026-01-10T00:00:00Z'), 12).toISOString()).toBe('2025-01-10T00:00:00.000Z');
  });

  it('`npm run audit:verify` reports an intact chain with exit 0 and a broken one with exit 1', async () => {
    const t = await createTestTenant();
    await updateContactInfo(db, { tenantId: t.id, actor: testAdministrator(t.id) }, contact);
    const run = (slug: string) =>
      promisify(execFile)('npx', ['tsx', 'scripts/audit-verify.ts', '--tenant', slug], { env: { ...process.env, DATABASE_URL: testServices().ownerUrl }, cwd: process.cwd() }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const ok = await run(t.slug);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toMatch(/intact/);
    await ownerDb().query(`UPDATE audit_log SET summary = '{"changed":[]}' WHERE tenant_id = $1 AND seq = 2`, { bind: [t.id] });
    const broken = await run(t.slug);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/row 2 was changed/);
  });
});
