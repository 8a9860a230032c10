// A form submission as a flow's subject: an e-service application. Its facts are the answers the conditions
// name (`answers.x`), its person is reached at the form's first e-mail field, and deleting its personal data
// erases the sealed answers (the row stays: the flow, the receipt and the audit log refer to it).
import { QueryTypes } from 'sequelize';
import { recordAudit } from '../../audit/record';
import { NotFoundError } from '../../errors';
import { shortReference } from '../../ids';
import { openAnswers, SUBMISSION_KEY_PURPOSE } from '../../forms/sealed-answers';
import type { SubjectFacts, SubjectType } from '../module';

type FieldSchema = { type?: string; format?: string };

interface SubmissionRow {
  id: string;
  answers_sealed: Buffer | null;
  submitted_at: Date;
  schema: { properties?: Record<string, FieldSchema> };
  locale: 'da' | 'sv' | 'en' | null;
}

function pick(answers: Record<string, unknown>, vars: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of vars) {
    const [root, field] = v.split('.');
    if (root === 'answers' && field && field in answers) out[field] = answers[field];
  }
  return out;
}

export const formSubmissionSubject: SubjectType = {
  personalData: true,

  async load({ db, keyring }, tx, ctx, subjectId, vars): Promise<SubjectFacts> {
    const [row] = await db.sequelize.query<SubmissionRow>(
      `SELECT s.id, s.answers_sealed, s.submitted_at, v.definition->'schema' AS schema, t.default_locale AS locale
         FROM form_submissions s JOIN form_versions v USING (tenant_id, definition_id, version) JOIN tenants t ON t.id = s.tenant_id
        WHERE s.id = $1`,
      { bind: [subjectId], type: QueryTypes.SELECT, transaction: tx },
    );
    if (!row) throw new NotFoundError('no such submission');
    const dates = { submittedAt: row.submitted_at.toISOString() };
    const reference = shortReference(row.id);
    if (!row.answers_sealed) return { dates, facts: { answers: {}, erased: true }, mergeFields: { reference }, ...(row.locale ? { locale: row.locale } : {}) };
    const answers = openAnswers(await keyring.dataKey(tx, ctx.tenantId, SUBMISSION_KEY_PURPOSE), ctx.tenantId, { id: row.id, answers_sealed: row.answers_sealed });
    const fields = Object.entries(row.schema.properties ?? {});
    const emailField = fields.find(([, f]) => f.format === 'email')?.[0];
    const nameField = fields.find(([k, f]) => f.type === 'string' && /name|navn|namn/i.test(k) && !/email/i.test(k))?.[0];
    const email = emailField && typeof answers[emailField] === 'string' ? (answers[emailField] as string) : undefined;
    return {
      dates,
      facts: { answers: pick(answers, vars) },
      ...(email ? { email } : {}),
      mergeFields: { reference, ...(nameField && typeof answers[nameField] === 'string' ? { name: answers[nameField] as string } : {}) },
      ...(row.locale ? { locale: row.locale } : {}),
    };
  },

  async deletePersonalData({ db }, tx, ctx, subjectId) {
    const [, meta] = await db.sequelize.query('UPDATE form_submissions SET answers_sealed = NULL, erased_at = now() WHERE id = $1 AND answers_sealed IS NOT NULL', { bind: [subjectId], transaction: tx });
    const erased = ((meta as { rowCount?: number } | undefined)?.rowCount ?? 0) > 0;
    if (erased) await recordAudit(db, tx, ctx, { action: 'formSubmission.erased', entityType: 'formSubmission', entityId: subjectId, summary: { by: 'flow' } });
    return { erased };
  },
};
