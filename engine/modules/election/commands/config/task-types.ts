// Task types: create, change, delete (refused while a work location uses the type or a task slot is of it), and
// their attached files: add (PDF, ODT or DOCX, its type read from its bytes, at most 5 MiB, kept in PostgreSQL)
// and remove. Times are "HH:MM", the start before the end; the payment is kroner with at most two decimals, 0
// (or null) meaning none. The extra fields are a form of kind taskTypeFields of the tenant. Each change audited
// with ids, field names, types and sizes only.
import { basename } from 'node:path';
import type { ElectionTaskTypeInput } from '../../../../../schemas/types/election-config-task-type';
import type { ElectionTaskTypeFileInput } from '../../../../../schemas/types/election-config-task-type-file';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { NotFoundError, PayloadTooLargeError } from '../../../../errors';
import { fieldError } from '../../../../../forms/validation';
import { foundUuid } from '../../../../ids';
import { execute, select, type ElectionDeps } from '../../db';
import { electionInvalid } from '../../errors';
import { filesOf, findTaskType, type TaskTypeFileRow, type TaskTypeRow } from '../../queries/config/task-types';
import { hhmm } from '../../queries/config/common';
import { assertFormKind, assertNameFree, assertUnused, changedFields, checked, writeConfig } from './common';
import { sniffTaskTypeFile } from './file-types';

/** The most a file may hold, decoded. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

function fields(input: unknown) {
  const body = checked<ElectionTaskTypeInput>('config-task-type', input);
  if (body.startTime >= body.endTime) throw electionInvalid('/endTime', 'election.endBeforeStart', 'must be after startTime', { startTime: body.startTime });
  const payment = body.payment ?? 0;
  const cents = Math.round(payment * 100);
  if (Math.abs(payment * 100 - cents) > 1e-6) throw electionInvalid('/payment', 'election.paymentPrecision', 'must have at most 2 decimals', { decimals: 2 });
  return {
    title: body.title.trim(),
    short_name: body.shortName.trim(),
    description: body.description ?? '',
    start_time: body.startTime,
    end_time: body.endTime,
    payment: (cents / 100).toFixed(2),
    trusted: body.trusted ?? false,
    reminders: body.reminders ?? true,
    fields_form_id: body.fieldsFormId ?? null,
  };
}

export async function createTaskType(deps: ElectionDeps, ctx: CommandContext, input: unknown): Promise<TaskTypeRow> {
  const type = fields(input);
  return writeConfig(deps, ctx, '/title', async (tx) => {
    await assertFormKind(deps.db, tx, type.fields_form_id, 'taskTypeFields', '/fieldsFormId');
    await assertNameFree(deps.db, tx, ctx.tenantId, 'task_types', 'title', type.title, '/title');
    await assertNameFree(deps.db, tx, ctx.tenantId, 'task_types', 'short_name', type.short_name, '/shortName');
    const [row] = await select<{ id: string }>(
      deps.db,
      tx,
      'INSERT INTO task_types (tenant_id, title, short_name, description, start_time, end_time, payment, trusted, reminders, fields_form_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id',
      [ctx.tenantId, type.title, type.short_name, type.description, type.start_time, type.end_time, type.payment, type.trusted, type.reminders, type.fields_form_id],
    );
    await recordAudit(deps.db, tx, ctx, { action: 'election.taskTypeCreated', entityType: 'electionTaskType', entityId: row!.id, summary: { fieldsFormId: type.fields_form_id } });
    return findTaskType(deps.db, tx, row!.id);
  });
}

export async function updateTaskType(deps: ElectionDeps, ctx: CommandContext, id: string, input: unknown): Promise<TaskTypeRow> {
  const type = fields(input);
  return writeConfig(deps, ctx, '/title', async (tx) => {
    const before = await findTaskType(deps.db, tx, id, true);
    await assertFormKind(deps.db, tx, type.fields_form_id, 'taskTypeFields', '/fieldsFormId');
    await assertNameFree(deps.db, tx, ctx.tenantId, 'task_types', 'title', type.title, '/title', before.id);
    await assertNameFree(deps.db, tx, ctx.tenantId, 'task_types', 'short_name', type.short_name, '/shortName', before.id);
    await execute(
      deps.db,
      tx,
      'UPDATE task_types SET title = $2, short_name = $3, description = $4, start_time = $5, end_time = $6, payment = $7, trusted = $8, reminders = $9, fields_form_id = $10 WHERE id = $1',
      [before.id, type.title, type.short_name, type.description, type.start_time, type.end_time, type.payment, type.trusted, type.reminders, type.fields_form_id],
    );
    const { files: _files, ...plain } = before;
    const changed = changedFields({ ...plain, start_time: hhmm(plain.start_time), end_time: hhmm(plain.end_time) }, type);
    await recordAudit(deps.db, tx, ctx, { action: 'election.taskTypeUpdated', entityType: 'electionTaskType', entityId: before.id, summary: { changed, fieldsFormId: type.fields_form_id } });
    return findTaskType(deps.db, tx, before.id);
  });
}

/** Its files go with it; refused while a work location uses it or a task slot is of it. */
export async function deleteTaskType(deps: ElectionDeps, ctx: CommandContext, id: string): Promise<void> {
  await writeConfig(deps, ctx, '/title', async (tx) => {
    const row = await findTaskType(deps.db, tx, id, true);
    await assertUnused(deps.db, tx, row.id, {
      workLocations: 'SELECT 1 FROM work_location_task_types WHERE task_type_id = $1 LIMIT 1',
      taskSlots: 'SELECT 1 FROM task_slots WHERE task_type_id = $1 LIMIT 1',
    });
    await execute(deps.db, tx, 'DELETE FROM task_types WHERE id = $1', [row.id]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.taskTypeDeleted', entityType: 'electionTaskType', entityId: row.id, summary: { files: row.files.length } });
  });
}

/** A file name fit to show and to send back in Content-Disposition: its last part, printable, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    .replace(/[\p{Cc}\p{Cf}"]/gu, '')
    .trim()
    .slice(0, 200);
  return base === '' || base === '.' || base === '..' ? 'document' : base;
}

export async function addTaskTypeFile(deps: ElectionDeps, ctx: CommandContext, taskTypeId: string, input: unknown): Promise<TaskTypeFileRow> {
  const body = checked<ElectionTaskTypeFileInput>('config-task-type-file', input);
  const content = Buffer.from(body.contentBase64, 'base64');
  if (content.length > MAX_FILE_BYTES) {
    throw new PayloadTooLargeError(`the file must be at most ${MAX_FILE_BYTES} bytes`, [fieldError('/contentBase64', 'election.fileTooLarge', { limit: MAX_FILE_BYTES }, `must be at most ${MAX_FILE_BYTES} bytes`)]);
  }
  const contentType = sniffTaskTypeFile(content);
  if (!contentType) throw electionInvalid('/contentBase64', 'election.fileType', 'must be a PDF, ODT or DOCX document', { allowed: 'PDF, ODT, DOCX' });
  const fileName = safeFileName(body.fileName);
  return writeConfig(deps, ctx, '/fileName', async (tx) => {
    const type = await findTaskType(deps.db, tx, taskTypeId, true);
    const [row] = await select<{ id: string }>(deps.db, tx, 'INSERT INTO task_type_files (tenant_id, task_type_id, file_name, content_type, size_bytes, content) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [
      ctx.tenantId,
      type.id,
      fileName,
      contentType,
      content.length,
      content,
    ]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.taskTypeFileAdded', entityType: 'electionTaskType', entityId: type.id, summary: { fileId: row!.id, contentType, sizeBytes: content.length } });
    return (await filesOf(deps.db, tx, [type.id])).find((f) => f.id === row!.id)!;
  });
}

export async function deleteTaskTypeFile(deps: ElectionDeps, ctx: CommandContext, taskTypeId: string, fileId: string): Promise<void> {
  foundUuid(fileId);
  await writeConfig(deps, ctx, '/fileName', async (tx) => {
    const type = await findTaskType(deps.db, tx, taskTypeId, true);
    const removed = await execute(deps.db, tx, 'DELETE FROM task_type_files WHERE id = $1 AND task_type_id = $2', [fileId, type.id]);
    if (removed === 0) throw new NotFoundError();
    await recordAudit(deps.db, tx, ctx, { action: 'election.taskTypeFileDeleted', entityType: 'electionTaskType', entityId: type.id, summary: { fileId } });
  });
}
