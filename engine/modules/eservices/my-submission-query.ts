// One thing a citizen sent, read back by that person alone: the answers (opened with the tenant's submission
// key), the form version they answered and where its flow stands. Anyone else — another citizen, an
// anonymous visitor, another tenant's site (RLS hides its rows) — gets exactly what a missing id gets: 404,
// so the answer never tells whether the id exists.
//
// Not audited, on purpose: the audit log accounts for what is done to a person's data by others (staff
// reading answers, exports, erasure) and for changes; a person reading what they themselves sent is
// neither (like "what I have sent" and the profile), and a row per look would only bury the rows that matter.
import { QueryTypes } from 'sequelize';
import type { Actor } from '../../actors';
import type { Keyring } from '../../crypto/keyring';
import type { Database } from '../../db/database';
import { NotFoundError } from '../../errors';
import { openAnswers, SUBMISSION_KEY_PURPOSE } from '../../forms/sealed-answers';
import { foundUuid, shortReference } from '../../ids';
import type { FormDefinitionDraft } from '../../../schemas/types/forms-form-definition-draft';
import { FORM_SUBMISSION } from './queries';

export interface MySubmissionRow {
  id: string;
  formId: string;
  version: number;
  definition: FormDefinitionDraft;
  submittedAt: Date;
  answers: Record<string, unknown> | null;
  status: string | null;
  statusLabel: Record<string, string> | null;
  endedAt: Date | null;
  reference: string;
}

export async function readMySubmission(deps: { db: Database; keyring: Keyring }, actor: Actor, id: string): Promise<MySubmissionRow> {
  foundUuid(id);
  if (actor.kind !== 'user') throw new NotFoundError();
  const { db, keyring } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    // The person is part of the lookup: another person's submission is not found, not forbidden.
    const [row] = await db.sequelize.query<Omit<MySubmissionRow, 'answers' | 'reference'> & { answersSealed: Buffer | null }>(
      `SELECT s.id, s.definition_id AS "formId", s.version, fv.definition, s.submitted_at AS "submittedAt", s.answers_sealed AS "answersSealed", i.status,
              (SELECT st->'label' FROM jsonb_array_elements(v.definition->'statuses') st WHERE st->>'key' = i.status) AS "statusLabel", i.ended_at AS "endedAt"
         FROM form_submissions s JOIN form_versions fv USING (tenant_id, definition_id, version)
         LEFT JOIN flow_instances i ON i.subject_type = $3 AND i.subject_id = s.id
         LEFT JOIN flow_versions v ON v.definition_id = i.definition_id AND v.version = i.version
        WHERE s.id = $1 AND s.submitted_by = $2`,
      { bind: [id, actor.id, FORM_SUBMISSION], type: QueryTypes.SELECT, transaction: tx },
    );
    if (!row) throw new NotFoundError();
    const { answersSealed, ...rest } = row;
    const answers = answersSealed ? openAnswers(await keyring.dataKey(tx, actor.tenantId, SUBMISSION_KEY_PURPOSE), actor.tenantId, { id: row.id, answers_sealed: answersSealed }) : null;
    return { ...rest, answers, reference: shortReference(row.id) };
  });
}
