// Walks a tenant's audit chain and reports every break: an edited row (its hash no longer matches its
// content), a deleted or inserted row (seq or prev_hash no longer link), a deleted tail (the chain head
// names a row that is gone). The row digest is computed by the database's audit_entry_digest(), the same
// function the chaining trigger used, so there is exactly one definition of a row's hash.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

export interface ChainReport {
  tenantId: string;
  ok: boolean;
  /** Rows checked (those kept after the last purge). */
  rows: number;
  headSeq: number;
  anchorSeq: number;
  problems: string[];
}

interface HeadRow {
  last_seq: string;
  last_hash: string;
  anchor_seq: string;
  anchor_hash: string;
}

interface EntryRow {
  seq: string;
  prev_hash: string;
  hash: string;
  recomputed: string;
}

const PAGE = 5000;

export async function verifyAuditChain(sequelize: Sequelize, tenantId: string, transaction?: Transaction): Promise<ChainReport> {
  const q = <T extends object>(sql: string, bind: unknown[]) => sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT, transaction });
  const [head] = await q<HeadRow>('SELECT last_seq, last_hash, anchor_seq, anchor_hash FROM audit_chain_heads WHERE tenant_id = $1', [tenantId]);
  const problems: string[] = [];
  if (!head) {
    const [count] = await q<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1', [tenantId]);
    if (Number(count?.n) > 0) problems.push('audit rows exist but the chain head is missing');
    return { tenantId, ok: problems.length === 0, rows: Number(count?.n ?? 0), headSeq: 0, anchorSeq: 0, problems };
  }
  let expectedSeq = Number(head.anchor_seq) + 1;
  let expectedPrev = head.anchor_hash;
  let rows = 0;
  for (;;) {
    const page = await q<EntryRow>(
      `SELECT seq, prev_hash, hash, audit_entry_digest(a) AS recomputed FROM audit_log a
        WHERE tenant_id = $1 AND seq >= $2 ORDER BY seq LIMIT ${PAGE}`,
      [tenantId, expectedSeq],
    );
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) problems.push(`row ${expectedSeq}${seq > expectedSeq + 1 ? `–${seq - 1}` : ''} missing`);
      if (row.prev_hash !== expectedPrev) problems.push(`row ${seq} does not link to the row before it`);
      if (row.recomputed !== row.hash) problems.push(`row ${seq} was changed after it was written`);
      expectedSeq = seq + 1;
      expectedPrev = row.hash;
      rows += 1;
    }
    if (page.length < PAGE) break;
  }
  const lastSeq = expectedSeq - 1;
  if (lastSeq !== Number(head.last_seq)) problems.push(`the chain ends at row ${lastSeq}, the head says ${head.last_seq}: rows at the end are missing`);
  else if (expectedPrev !== head.last_hash) problems.push('the last row is not the one the chain head recorded');
  return { tenantId, ok: problems.length === 0, rows, headSeq: Number(head.last_seq), anchorSeq: Number(head.anchor_seq), problems };
}
