// A form's submissions as CSV, streamed: rows are read in batches (keyset order), opened with the tenant key
// and written as they come, so a large export never sits in memory. The columns are the union of the fields
// of every version (in the newest version's order first). The export is audited before the first byte,
// since it hands out personal data. Cells that a spreadsheet would run as a formula are neutralised.
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { QueryTypes } from 'sequelize';
import type { FormDefinitionDraft } from '../../schemas/types/forms-form-definition-draft';
import type { Actor } from '../actors';
import { recordAudit } from '../audit/record';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import { NotFoundError } from '../errors';
import { fieldsOf } from '../forms/publishable';
import { authorize } from '../policies';
import { openAnswers, SUBMISSION_KEY_PURPOSE } from '../forms/sealed-answers';
import { foundUuid } from '../ids';

const BATCH = 500;

/** OWASP's advice for CSV injection: a leading =, +, -, @, tab or CR makes a formula; quote it away. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.map(String).join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export async function exportSubmissionsCsv(deps: { db: Database; keyring: Keyring }, actor: Actor, formId: string, filter: { version?: number; requestId?: string }, out: Writable, begin: () => void = () => undefined): Promise<void> {
  authorize(actor, 'submissions.read', { tenantId: actor.tenantId });
  foundUuid(formId);
  const { db, keyring } = deps;
  const tenantId = actor.tenantId;
  const { columns, key } = await db.withTenant(tenantId, async (tx) => {
    const versions = await db.sequelize.query<{ definition: FormDefinitionDraft }>('SELECT definition FROM form_versions WHERE definition_id = $1 ORDER BY version DESC', { bind: [formId], type: QueryTypes.SELECT, transaction: tx });
    if (versions.length === 0) throw new NotFoundError();
    const keys: string[] = [];
    for (const v of versions) for (const f of fieldsOf((v.definition.schema ?? {}) as never)) if (!f.path.includes('.') && !keys.includes(f.path)) keys.push(f.path);
    await recordAudit(db, tx, { actor, tenantId, ...(filter.requestId ? { requestId: filter.requestId } : {}) }, { action: 'formSubmissions.exported', entityType: 'form', entityId: formId, summary: { version: filter.version ?? null } });
    return { columns: keys, key: await keyring.dataKey(tx, tenantId, SUBMISSION_KEY_PURPOSE) };
  });

  begin(); // checks passed and audited: now the response may become a CSV download
  const csv = stringify({ header: true, columns: ['submission', 'version', 'submittedAt', 'erasedAt', ...columns], bom: true });
  csv.pipe(out);
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const rows = await db.withTenant(tenantId, (tx) =>
      db.sequelize.query<{ id: string; version: number; submitted_at: Date; answers_sealed: Buffer | null; erased_at: Date | null }>(
        `SELECT id, version, submitted_at, answers_sealed, erased_at FROM form_submissions
          WHERE definition_id = $1 AND ($2::int IS NULL OR version = $2) AND ($3::timestamptz IS NULL OR (submitted_at, id) > ($3, $4::uuid))
          ORDER BY submitted_at, id LIMIT ${BATCH}`,
        { bind: [formId, filter.version ?? null, after?.at ?? null, after?.id ?? null], type: QueryTypes.SELECT, transaction: tx },
      ),
    );
    for (const row of rows) {
      // Erased answers (a flow's retention rule) leave their row: it says when, and its answer cells stay empty.
      const answers = row.answers_sealed ? openAnswers(key, tenantId, { id: row.id, answers_sealed: row.answers_sealed }) : {};
      const erasedAt = row.erased_at ? new Date(row.erased_at).toISOString() : '';
      // Respect back-pressure: wait for the stringifier to drain before writing more.
      if (!csv.write([row.id, row.version, new Date(row.submitted_at).toISOString(), erasedAt, ...columns.map((c) => csvCell(answers[c]))])) await new Promise((r) => csv.once('drain', r));
    }
    if (rows.length < BATCH) break;
    const last = rows[rows.length - 1]!;
    after = { at: last.submitted_at, id: last.id };
  }
  csv.end();
}
