// The logged-in participant's tasks on the public site (invited and accepted, every election, by date), each with
// its election's lock period and the task type's files; and one of those files to download (a file of a task
// type the person holds no task of answers 404, like a missing one).
import type { Actor } from '../../../../actors';
import { NotFoundError } from '../../../../errors';
import { foundUuid } from '../../../../ids';
import { select, type ElectionDeps } from '../../db';
import { heldTasks, presentMyTask, requireMe, taskTypeFiles } from './me-common';

export async function myTasks(deps: ElectionDeps, actor: Actor) {
  const { db } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    const id = await requireMe(db, tx, actor);
    const rows = await heldTasks(db, tx, id);
    const files = await taskTypeFiles(db, tx, [...new Set(rows.map((r) => r.task_type_id))]);
    return { items: rows.map((r) => presentMyTask(r, files)) };
  });
}

export type MyTasks = Awaited<ReturnType<typeof myTasks>>;

export async function myTaskFile(deps: ElectionDeps, actor: Actor, fileId: string): Promise<{ name: string; contentType: string; content: Buffer }> {
  foundUuid(fileId);
  const { db } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    const id = await requireMe(db, tx, actor);
    const [file] = await select<{ file_name: string; content_type: string; content: Buffer }>(
      db,
      tx,
      `SELECT f.file_name, f.content_type, f.content FROM task_type_files f
        WHERE f.id = $1 AND EXISTS (SELECT 1 FROM task_slots s WHERE s.task_type_id = f.task_type_id AND s.participant_id = $2 AND s.state IN ('invited', 'accepted'))`,
      [fileId, id],
    );
    if (!file) throw new NotFoundError();
    return { name: file.file_name, contentType: file.content_type, content: file.content };
  });
}
