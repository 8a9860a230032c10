// The task inbox: tasks the flows opened for the roles the administrator holds, each with its decisions.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, ProblemError, sendJson } from '../../../../forms/ui/problem';

interface Task {
  id: string;
  taskKey: string;
  title: Record<string, string>;
  decisions: { key: string; label: Record<string, string> }[];
  openedAt: string;
  flowKey: string;
  reference: string;
  decision: string | null;
}

export function TasksPage() {
  const { t, i18n } = useTranslation();
  const [tasks, setTasks] = useState<Task[] | undefined>();
  const [message, setMessage] = useState('');
  const load = useCallback(() => getJson<{ tasks: Task[] }>('/api/tasks').then((r) => setTasks(r.tasks), () => setTasks([])), []);
  useEffect(() => {
    void load();
  }, [load]);
  const text = (m: Record<string, string>) => m[i18n.language] ?? m.en ?? Object.values(m)[0] ?? '';
  const decide = async (task: Task, decision: string) => {
    try {
      const r = await sendJson<{ status: string }>('POST', `/api/tasks/${task.id}/decision`, { decision });
      setMessage(t('tasks.decided', { title: text(task.title), status: r.status }));
    } catch (err) {
      setMessage(err instanceof ProblemError ? (err.problem.detail ?? err.problem.title) : String(err));
    }
    await load();
  };
  return (
    <section>
      <h1>{t('tasks.heading')}</h1>
      <p role="status">{message}</p>
      {tasks === undefined ? <p>{t('forms.loading')}</p> : tasks.length === 0 ? <p>{t('tasks.none')}</p> : null}
      <ul className="task-list">
        {(tasks ?? []).map((task) => (
          <li key={task.id} className="task">
            <h2>{text(task.title)}</h2>
            <p>{t('tasks.meta', { flow: task.flowKey, reference: task.reference, date: new Date(task.openedAt).toLocaleString(i18n.language) })}</p>
            <div className="task-decisions" role="group" aria-label={t('tasks.decisions')}>
              {task.decisions.map((d) => (
                <button key={d.key} type="button" onClick={() => void decide(task, d.key)}>
                  {text(d.label)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
