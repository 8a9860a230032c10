// A form's submissions as CSV, streamed: rows are read in batches (keyset order), opened with the tenant key
// and written as they come, so a large export never sits in memory. The columns are the union of the fields
// of every version (in the newest version's order first), headed by their labels in the administrator's
// language and with option labels as values — or, with `keys`, by the field keys with the raw values, for
// machines. The export is audited before the first byte, since it hands out personal data. Cells that a
// spreadsheet would run as a formula are neutralised.
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { QueryTypes } from 'sequelize';
import type { FormDefinitionDraft } from '../../schemas/types/forms-form-definition-draft';
import type { Actor } from '../actors';
import { recordAudit } from '../audit/record';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import { NotFoundError } from '../errors';
import { authorize } from '../policies';
import { openAnswers, SUBMISSION_KEY_PURPOSE } from '../forms/sealed-answers';
import { foundUuid } from '../ids';
import { answerColumns, answerLabeller, type AnswerLocale } from '../../forms/answer-labels';

const BATCH = 500;

/** The fixed columns' headers per language; with `keys` their keys stand instead. */
const FIXED_HEADERS: Record<AnswerLocale, string[]> = {
  da: ['Indsendelse', 'Version', 'Modtaget', 'Svar slettet'],
  sv: ['Inlämning', 'Version', 'Mottagen', 'Svar raderade'],
  en: ['Submission', 'Version', 'Received', 'Answers erased'],
};
const FIXED_KEYS = ['submission', 'version', 'submittedAt', 'erasedAt'];

export interface ExportSettings {
  version?: number;
  /** The language of headers and option labels: the administrator's. */
  locale: AnswerLocale;
  /** Field keys as headers and raw values, for machines. */
  keys?: boolean;
  requestId?: string;
}

/** OWASP's advice for CSV injection: a leading =, +, -, @, tab or CR makes a formula; quote it away. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.map(String).join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export async function exportSubmissionsCsv(deps: { db: Database; keyring: Keyring }, actor: Actor, formId: string, filter: ExportSettings, out: Writable, begin: () => void = () => undefined): Promise<void> {
  authorize(actor, 'submissions.read', { tenantId: actor.tenantId });
  foundUuid(formId);
  const { db, keyring } = deps;
  const tenantId = actor.tenantId;
  const { columns, byVersion, key } = await db.withTenant(tenantId, async (tx) => {
    const versions = await db.sequelize.query<{ version: number; definition: FormDefinitionDraft }>('SELECT version, definition FROM form_versions WHERE definition_id = $1 ORDER BY version DESC', { bind: [formId], type: QueryTypes.SELECT, transaction: tx });
    if (versions.length === 0) throw new NotFoundError();
    const byVersion = new Map(versions.map((v) => [v.version, answerLabeller(v.definition, filter.locale)]));
    await recordAudit(db, tx, { actor, tenantId, ...(filter.requestId ? { requestId: filter.requestId } : {}) }, { action: 'formSubmissions.exported', entityType: 'form', entityId: formId, summary: { version: filter.version ?? null } });
    return { columns: answerColumns(versions.map((v) => v.definition), filter.locale), byVersion, key: await keyring.dataKey(tx, tenantId, SUBMISSION_KEY_PURPOSE) };
  });

  begin(); // checks passed and audited: now the response may become a CSV download
  const header = filter.keys ? [...FIXED_KEYS, ...columns.map((c) => c.key)] : [...FIXED_HEADERS[filter.locale], ...columns.map((c) => c.label)];
  const csv = stringify({ bom: true });
  csv.pipe(out);
  csv.write(header.map(csvCell));
  // Labels come from the version the answer was given to; keys mode hands the value over as stored.
  const cellOf = (key: string, value: unknown, version: number): unknown => (filter.keys || value === undefined ? value : (byVersion.get(version)?.value(key, value) ?? value));
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
      if (!csv.write([row.id, row.version, new Date(row.submitted_at).toISOString(), erasedAt, ...columns.map((c) => csvCell(cellOf(c.key, answers[c.key], row.version)))])) await new Promise((r) => csv.once('drain', r));
    }
    if (rows.length < BATCH) break;
    const last = rows[rows.length - 1]!;
    after = { at: last.submitted_at, id: last.id };
  }
  csv.end();
}
