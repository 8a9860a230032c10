// What a task is about, for whoever may decide it: the application (form submission) its flow instance runs
// on — answers opened with the tenant key, the form version answered (for the labels) and the short reference
// the citizen's receipt shows. A caseworker decides with the application beside the decision, not blind.
// Read as the task is: someone without the task's role learns nothing, not even that it exists (404). A
// subject that is no form submission (a module's own subject type) answers 404 too: it has no answers.
import { QueryTypes } from 'sequelize';
import type { Actor } from '../actors';
import { actorRoles } from '../actors';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import { NotFoundError } from '../errors';
import { openAnswers, SUBMISSION_KEY_PURPOSE } from '../forms/sealed-answers';
import { foundUuid, shortReference } from '../ids';

export interface TaskSubject {
  id: string;
  formId: string;
  version: number;
  reference: string;
  submittedAt: string;
  /** null once erased (see erasedAt). */
  answers: Record<string, unknown> | null;
  erasedAt: string | null;
}

export async function loadTaskSubject(deps: { db: Database; keyring: Keyring }, actor: Actor, taskId: string): Promise<TaskSubject> {
  foundUuid(taskId);
  const { db, keyring } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    const [row] = await db.sequelize.query<{ id: string; formId: string; version: number; submittedAt: Date; sealed: Buffer | null; erasedAt: Date | null; role: string }>(
      `SELECT s.id, s.definition_id AS "formId", s.version, s.submitted_at AS "submittedAt", s.answers_sealed AS sealed, s.erased_at AS "erasedAt", t.role
         FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id JOIN form_submissions s ON s.id = i.subject_id
        WHERE t.id = $1`,
      { bind: [taskId], type: QueryTypes.SELECT, transaction: tx },
    );
    if (!row || !(actorRoles(actor) as string[]).includes(row.role)) throw new NotFoundError();
    const answers = row.sealed ? openAnswers(await keyring.dataKey(tx, actor.tenantId, SUBMISSION_KEY_PURPOSE), actor.tenantId, { id: row.id, answers_sealed: row.sealed }) : null;
    return {
      id: row.id,
      formId: row.formId,
      version: row.version,
      reference: shortReference(row.id),
      submittedAt: new Date(row.submittedAt).toISOString(),
      answers,
      erasedAt: row.erasedAt ? new Date(row.erasedAt).toISOString() : null,
    };
  });
}
