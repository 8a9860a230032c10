// The answers to a task type's extra fields (its published form of kind taskTypeFields), given with a sign-up and
// kept with the slot (task_slots.task_fields, migration 0026). Checked on the server against the form's newest
// published version with the platform's check of filled forms (forms/answers.ts: the version's own schema,
// closed, so an answer to a question the form does not ask is refused); every field error names its field under
// /taskFields. A task type without such a form takes no answers.
import type { Transaction } from 'sequelize';
import { fieldError } from '../../../../forms/validation';
import { assertValidAnswers } from '../../../forms/answers';
import type { Database } from '../../../db/database';
import type { NumberedQuery } from '../../../db/one-statement';
import { ValidationError } from '../../../errors';
import { select } from '../db';

/** The column holds at most 16384 bytes of JSON text (migration 0026; jsonb's text adds a space per key and comma). */
const MAX_TASK_FIELDS_BYTES = 15_000;

/** The task type's fields form, its newest published version (undefined when it has none). */
export interface TaskFieldsForm {
  id: string;
  version: number;
  contentHash: string;
  schema: object;
}

/** The newest published fields form of a task type, or of the slot's task type. */
export async function taskFieldsForm(db: Database, tx: Transaction, of: { taskTypeId: string } | { slotId: string }): Promise<TaskFieldsForm | undefined> {
  const q = taskFieldsFormQuery(of);
  const [form] = await select<TaskFieldsForm>(db, tx, q.sql, q.bind);
  return form;
}

/** taskFieldsForm's SELECT (its columns JSON-safe, for readsInOneStatement). */
export function taskFieldsFormQuery(of: { taskTypeId: string } | { slotId: string }): NumberedQuery {
  return {
    sql: `SELECT d.id, v.version, v.content_hash AS "contentHash", v.definition->'schema' AS schema
       FROM task_types tt JOIN form_definitions d ON d.id = tt.fields_form_id AND d.kind = 'taskTypeFields' AND d.latest_version > 0
       JOIN form_versions v ON v.definition_id = d.id AND v.version = d.latest_version
      WHERE tt.id = ${'taskTypeId' in of ? '$1::uuid' : '(SELECT task_type_id FROM task_slots WHERE id = $1::uuid)'}`,
    bind: ['taskTypeId' in of ? of.taskTypeId : of.slotId],
  };
}

/** The answers, checked against the task type's form; 400 naming each field that is not one of it or does not fit. */
export function checkTaskFields(form: TaskFieldsForm | undefined, answers: Record<string, unknown> | undefined): Record<string, unknown> {
  const given = answers ?? {};
  if (Buffer.byteLength(JSON.stringify(given)) > MAX_TASK_FIELDS_BYTES) throw new ValidationError([fieldError('/taskFields', 'schema.maxLength', { limit: MAX_TASK_FIELDS_BYTES }, 'is too long')]);
  if (!form) {
    const keys = Object.keys(given);
    if (keys.length) throw new ValidationError(keys.map((k) => fieldError(`/taskFields/${k}`, 'election.unknownTaskField', { field: k }, 'is not an extra field of the task type')));
    return {};
  }
  try {
    return assertValidAnswers(form.contentHash, form.schema, structuredClone(given));
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    throw new ValidationError((err.fields ?? []).map((f) => ({ ...f, field: `/taskFields${f.field === '/' ? '' : f.field}` })));
  }
}
