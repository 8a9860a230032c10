// `npm run audit:verify [-- --tenant <slug>]`: walks every tenant's audit chain and exits 1 if any is broken.
// Connects as the owner: DATABASE_URL, or the embedded server (the running one of `npm start`, or started here).
import { QueryTypes } from 'sequelize';
import { verifyAuditChain } from '../engine/audit/verify';
import { loadConfig } from '../engine/config';
import { createSequelize } from '../engine/db/database';
import { ownerConnection } from '../engine/dev/owner-connection';

async function main(): Promise<number> {
  const slugIndex = process.argv.indexOf('--tenant');
  const slug = slugIndex > 0 ? process.argv[slugIndex + 1] : undefined;
  const conn = await ownerConnection(loadConfig());
  const owner = createSequelize(conn.url);
  try {
    const tenants = await owner.query<{ id: string; slug: string }>(`SELECT id, slug FROM tenants ${slug ? 'WHERE slug = $1' : ''} ORDER BY slug`, {
      bind: slug ? [slug] : [],
      type: QueryTypes.SELECT,
    });
    if (tenants.length === 0) {
      console.log(slug ? `no tenant with slug ${slug}` : 'no tenants');
      return slug ? 2 : 0;
    }
    let broken = 0;
    for (const t of tenants) {
      const report = await verifyAuditChain(owner, t.id);
      if (report.ok) console.log(`${t.slug}: intact (${report.rows} rows, seq ${report.anchorSeq + 1}–${report.headSeq})`);
      else {
        broken += 1;
        console.log(`${t.slug}: BROKEN\n  ${report.problems.join('\n  ')}`);
      }
    }
    return broken > 0 ? 1 : 0;
  } finally {
    await owner.close();
    await conn.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
