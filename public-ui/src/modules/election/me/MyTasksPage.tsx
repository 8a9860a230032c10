// My tasks (/election/my-tasks; /valg/mine-opgaver, /val/mina-uppdrag): every task I hold (invited or accepted)
// by date, with its status, facts, the task type's description and files to download, and "unregister" (after a
// confirmation) — not offered inside the election's lock period, where the page says when it ends.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import { isProblem } from '../../../../../forms/ui/problem';
import { useSite } from '../../../../../forms/ui/site';
import type { ElectionPublicMeTasks } from '../../../../../schemas/types/election-public-me-tasks';
import { Loading } from '../../../components/QueryState';
import { formatDay, LoginFirst, MeNav, Refusal, TaskFactsList } from './common';

type Task = ElectionPublicMeTasks['items'][number];
const KEY = ['election', 'public', 'me', 'tasks'];

function TaskCard({ task, onDone }: { task: Task; onDone: () => void }) {
  const { t, i18n } = useTranslation('election');
  const [confirm, setConfirm] = useState(false);
  const unregister = useMutation({
    mutationFn: () => apiSend<void>('DELETE', `/api/election/public/me/tasks/${task.slotId}`),
    onSuccess: onDone,
  });
  const headingId = `task-${task.slotId}`;
  const size = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(i18n.language)} kB`;
  return (
    <li className="me-task" data-testid="my-task" aria-labelledby={headingId}>
      <h2 id={headingId}>{task.taskType.title}</h2>
      <p>
        <strong>{task.state === 'accepted' ? t('me.tasks.accepted') : t('me.tasks.invited')}</strong>
      </p>
      <TaskFactsList task={task} />
      {task.taskType.description ? <p>{task.taskType.description}</p> : null}
      {task.files.length ? (
        <section aria-label={t('me.tasks.files')}>
          <h3>{t('me.tasks.files')}</h3>
          <ul className="me-files">
            {task.files.map((f) => (
              <li key={f.id}>
                <a href={`/api/election/public/me/files/${f.id}`} download={f.name}>
                  {f.name}
                </a>{' '}
                ({size(f.size)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {unregister.isError ? <Refusal error={unregister.error} /> : null}
      {task.past ? null : task.locked ? (
        <p data-testid="task-locked">{t('me.tasks.locked', { ends: formatDay(task.election.electionDay, i18n.language) })}</p>
      ) : confirm ? (
        <div className="alert alert-warning" role="alertdialog" aria-labelledby={`${headingId}-confirm`}>
          <div className="alert-body">
            <p className="alert-text" id={`${headingId}-confirm`}>
              {t('me.tasks.unregisterConfirm', { taskType: task.taskType.title, date: formatDay(task.date, i18n.language) })}
            </p>
            <div className="me-actions">
              <button type="button" className="button button-primary" autoFocus disabled={unregister.isPending} onClick={() => unregister.mutate()}>
                {t('me.tasks.unregisterYes')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirm(false)}>
                {t('me.cancel')}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div className="me-actions">
          <button type="button" className="button button-secondary" onClick={() => setConfirm(true)}>
            {t('me.tasks.unregister')}
          </button>
        </div>
      )}
    </li>
  );
}

export function MyTasksPage() {
  const { t } = useTranslation('election');
  const { actor } = useSite();
  const client = useQueryClient();
  const [status, setStatus] = useState('');
  const tasks = useQuery({ queryKey: KEY, queryFn: ({ signal }) => apiGet<ElectionPublicMeTasks>('/api/election/public/me/tasks', { signal }), enabled: actor.kind === 'user', retry: false });
  let body;
  if (actor.kind !== 'user') body = <LoginFirst text={t('me.tasks.loginFirst')} />;
  else if (tasks.isPending) body = <Loading />;
  else if (isProblem(tasks.error, 'not_found')) body = <p className="font-lead">{t('me.notParticipant')}</p>;
  else if (tasks.isError) body = <Refusal error={tasks.error} />;
  else if (tasks.data.items.length === 0) body = <p className="font-lead">{t('me.tasks.none')}</p>;
  else
    body = (
      <ul className="nobullet-list">
        {tasks.data.items.map((task) => (
          <TaskCard
            key={task.slotId}
            task={task}
            onDone={() => {
              setStatus(t('me.tasks.unregistered', { taskType: task.taskType.title }));
              void client.invalidateQueries({ queryKey: KEY });
            }}
          />
        ))}
      </ul>
    );
  return (
    <article className="me-page">
      <MeNav />
      <h1>{t('me.nav.tasks')}</h1>
      <p role="status" className={status ? 'font-lead' : undefined}>
        {status}
      </p>
      {body}
    </article>
  );
}
