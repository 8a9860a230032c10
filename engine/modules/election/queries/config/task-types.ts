// The tenant's task types, in its language's alphabetical order, each with its attached files (name, type and
// size; the bytes only one at a time, for a download).
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { NotFoundError } from '../../../../errors';
import { foundUuid } from '../../../../ids';
import { select, type ElectionDeps } from '../../db';
import { oneRow, readConfig, tenantCollation } from './common';

export interface TaskTypeFileRow {
  id: string;
  task_type_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  created_at: Date;
}

export interface TaskTypeRow {
  id: string;
  title: string;
  short_name: string;
  description: string;
  start_time: string;
  end_time: string;
  /** numeric(10,2) as PostgreSQL's text, e.g. "850.00". */
  payment: string;
  trusted: boolean;
  reminders: boolean;
  fields_form_id: string | null;
  files: TaskTypeFileRow[];
}

const COLUMNS = 'id, title, short_name, description, start_time::text AS start_time, end_time::text AS end_time, payment::text AS payment, trusted, reminders, fields_form_id';
const FILE_COLUMNS = 'id, task_type_id, file_name, content_type, size_bytes, created_at';

/** The files (never their bytes) of these task types, oldest first. */
export async function filesOf(db: Database, tx: Transaction, taskTypeIds: string[]): Promise<TaskTypeFileRow[]> {
  if (taskTypeIds.length === 0) return [];
  return select<TaskTypeFileRow>(db, tx, `SELECT ${FILE_COLUMNS} FROM task_type_files WHERE task_type_id = ANY($1::uuid[]) ORDER BY created_at, id`, [taskTypeIds]);
}

async function withFiles(db: Database, tx: Transaction, rows: Omit<TaskTypeRow, 'files'>[]): Promise<TaskTypeRow[]> {
  const files = await filesOf(
    db,
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, files: files.filter((f) => f.task_type_id === r.id) }));
}

export async function listTaskTypes(deps: ElectionDeps, actor: Actor): Promise<TaskTypeRow[]> {
  return readConfig(deps, actor, async (tx) => {
    const rows = await select<Omit<TaskTypeRow, 'files'>>(deps.db, tx, `SELECT ${COLUMNS} FROM task_types ORDER BY title ${await tenantCollation(deps.db, tx, actor.tenantId)}, id`);
    return withFiles(deps.db, tx, rows);
  });
}

export async function findTaskType(db: Database, tx: Transaction, id: string, lock = false): Promise<TaskTypeRow> {
  const row = await oneRow<Omit<TaskTypeRow, 'files'>>(db, tx, `SELECT ${COLUMNS} FROM task_types WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, id);
  return (await withFiles(db, tx, [row]))[0]!;
}

export async function getTaskType(deps: ElectionDeps, actor: Actor, id: string): Promise<TaskTypeRow> {
  return readConfig(deps, actor, (tx) => findTaskType(deps.db, tx, id));
}

export async function listTaskTypeFiles(deps: ElectionDeps, actor: Actor, taskTypeId: string): Promise<TaskTypeFileRow[]> {
  return readConfig(deps, actor, async (tx) => (await findTaskType(deps.db, tx, taskTypeId)).files);
}

/** One file of a task type with its bytes (404 when either is not the tenant's, or the file is another task type's). */
export async function taskTypeFile(deps: ElectionDeps, actor: Actor, taskTypeId: string, fileId: string): Promise<TaskTypeFileRow & { content: Buffer }> {
  return readConfig(deps, actor, async (tx) => {
    const [row] = await select<TaskTypeFileRow & { content: Buffer }>(deps.db, tx, `SELECT ${FILE_COLUMNS}, content FROM task_type_files WHERE id = $1 AND task_type_id = $2`, [foundUuid(fileId), foundUuid(taskTypeId)]);
    if (!row) throw new NotFoundError();
    return row;
  });
}
