// The task inbox: tasks the flows opened for the roles the administrator holds, each with its decisions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../../../forms/ui/api';
import { problemText } from '../../../../forms/ui/problem';
import { instanceKeys, taskKeys, tasksQuery, type Task } from '../../api/flows';
import { communicationKeys } from '../../api/messages';
import { QueryState } from '../../components/QueryState';

export function TasksPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const tasks = useQuery(tasksQuery());
  const [message, setMessage] = useState('');
  const text = (m: Record<string, string>) => m[i18n.language] ?? m.en ?? Object.values(m)[0] ?? '';
  const decide = useMutation({
    mutationFn: ({ task, decision }: { task: Task; decision: string }) => apiSend<{ status: string }>('POST', `/api/tasks/${task.id}/decision`, { decision }),
    onSuccess: (r, { task }) => setMessage(t('tasks.decided', { title: text(task.title), status: r.status })),
    onError: (err) => setMessage(problemText(t, err)),
    // Decided or not (someone else may have been first), the inbox is read again; the process and its messages moved on.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: instanceKeys.all }),
        queryClient.invalidateQueries({ queryKey: communicationKeys.all }),
      ]),
  });
  return (
    <section>
      <h1>{t('tasks.heading')}</h1>
      <p role="status">{message}</p>
      <QueryState query={tasks}>
        {({ tasks: open }) =>
          open.length === 0 ? (
            <p>{t('tasks.none')}</p>
          ) : (
            <ul className="task-list">
              {open.map((task) => (
                <li key={task.id} className="task">
                  <h2>{text(task.title)}</h2>
                  <p>{t('tasks.meta', { flow: task.flowKey, reference: task.reference, date: new Date(task.openedAt).toLocaleString(i18n.language) })}</p>
                  <div className="task-decisions" role="group" aria-label={t('tasks.decisions')}>
                    {task.decisions.map((d) => (
                      <button key={d.key} type="button" onClick={() => decide.mutate({ task, decision: d.key })}>
                        {text(d.label)}
                      </button>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
