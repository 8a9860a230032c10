// Every tenant's audit chain walked (engine/audit/verify.ts, as `npm run audit:verify` does), as one answer.
import { QueryTypes, type Sequelize } from 'sequelize';
import { verifyAuditChain } from '../../audit/verify';

export async function verifyAllAuditChains(owner: Sequelize): Promise<{ tenants: number; rows: number; problems: string[] }> {
  const tenants = await owner.query<{ id: string; slug: string }>('SELECT id, slug FROM tenants ORDER BY slug', { type: QueryTypes.SELECT });
  let rows = 0;
  const problems: string[] = [];
  for (const t of tenants) {
    const report = await verifyAuditChain(owner, t.id);
    rows += report.rows;
    problems.push(...report.problems.map((p) => `${t.slug}: ${p}`));
  }
  return { tenants: tenants.length, rows, problems };
}
