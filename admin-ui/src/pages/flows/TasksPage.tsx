// The task inbox: tasks the flows opened for the roles the administrator holds. Each shows what it is about —
// the application's answers by their labels, its reference and its history so far — beside the decisions, and
// a decision is confirmed first, saying what will happen: it cannot be taken back.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerLabeller, type AnswerLocale } from '../../../../forms/answer-labels';
import { apiSend } from '../../../../forms/ui/api';
import { problemText } from '../../../../forms/ui/problem';
import { flowVersionQuery, instanceKeys, instanceQuery, taskKeys, tasksQuery, taskSubjectQuery, type Task } from '../../api/flows';
import { formVersionQuery } from '../../api/forms';
import { communicationKeys } from '../../api/messages';
import { useConfirm } from '../../components/ConfirmDialog';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatDateTime } from '../../dates';
import { flowTexts } from './flow-texts';

type Decide = (task: Task, decision: Task['decisions'][number], statusOf: (key: string) => string) => void;

export function TasksPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const tasks = useQuery(tasksQuery());
  const [message, setMessage] = useState('');
  const { confirm, dialog } = useConfirm();
  const text = (m: Record<string, string>) => m[i18n.language] ?? m.en ?? Object.values(m)[0] ?? '';
  const mutation = useMutation({
    mutationFn: ({ task, decision }: { task: Task; decision: string; statusOf: (key: string) => string }) => apiSend<{ status: string }>('POST', `/api/tasks/${task.id}/decision`, { decision }),
    // The new status by its label in the flow's own texts ("Godkendt"), never its key.
    onSuccess: (r, { task, statusOf }) => setMessage(t('tasks.decided', { title: text(task.title), status: statusOf(r.status) })),
    onError: (err) => setMessage(problemText(t, err)),
    // Decided or not (someone else may have been first), the inbox is read again; the process and its messages moved on.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: instanceKeys.all }),
        queryClient.invalidateQueries({ queryKey: communicationKeys.all }),
      ]),
  });
  const decide: Decide = async (task, decision, statusOf) => {
    const ok = await confirm({
      title: t('tasks.confirmTitle', { decision: text(decision.label), reference: task.reference }),
      body: <p>{t('tasks.confirmBody', { title: text(task.title), decision: text(decision.label), reference: task.reference })}</p>,
      confirm: text(decision.label),
    });
    if (ok) mutation.mutate({ task, decision: decision.key, statusOf });
  };
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
                <TaskCard key={task.id} task={task} decide={decide} busy={mutation.isPending} />
              ))}
            </ul>
          )
        }
      </QueryState>
      {dialog}
    </section>
  );
}

function TaskCard({ task, decide, busy }: { task: Task; decide: Decide; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const text = (m: Record<string, string> | null | undefined) => (m ? (m[i18n.language] ?? m.en ?? Object.values(m)[0] ?? '') : '');
  const instance = useQuery(instanceQuery(task.instanceId));
  const flowId = instance.data?.instance.flowId ?? '';
  const flowVersion = useQuery({ ...flowVersionQuery(flowId, instance.data?.instance.version ?? 1), enabled: Boolean(flowId) });
  const words = flowTexts(t, flowVersion.data?.definition, i18n.language);
  const headingId = `task-${task.id}`;
  return (
    <li className="task">
      <article aria-labelledby={headingId}>
        <h2 id={headingId}>{text(task.title)}</h2>
        <p>{t('tasks.meta', { flow: text(task.flowName) || task.flowKey, reference: task.reference, date: formatDateTime(task.openedAt, i18n.language) })}</p>
        <div className="task-body">
          <TaskApplication task={task} />
          <section className="task-history" aria-label={t('tasks.history')}>
            <h3>{t('tasks.history')}</h3>
            <QueryState query={instance}>
              {(d) => (
                <>
                  <p>{t('tasks.status', { status: words.status(d.instance.status) })}</p>
                  <ol>
                    {d.timeline.timeline.map((e, i) => (
                      <li key={i}>
                        {formatDateTime(e.at, i18n.language)}: {words.entry(e)}
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </QueryState>
          </section>
        </div>
        <div className="task-decisions" role="group" aria-label={t('tasks.decisions')}>
          {task.decisions.map((d) => (
            <button key={d.key} type="button" disabled={busy} onClick={() => decide(task, d, words.status)}>
              {text(d.label)}
            </button>
          ))}
        </div>
      </article>
    </li>
  );
}

/** The application the task is about: its answers by their labels (a subject without answers says nothing). */
function TaskApplication({ task }: { task: Task }) {
  const { t, i18n } = useTranslation();
  const subject = useQuery(taskSubjectQuery(task.id));
  const version = useQuery({ ...formVersionQuery(subject.data?.formId ?? '', subject.data?.version ?? 1), enabled: Boolean(subject.data) });
  if (subject.isError) return null;
  const labels = version.data ? answerLabeller(version.data.definition, i18n.language as AnswerLocale) : undefined;
  return (
    <section className="task-application" aria-label={t('tasks.application', { reference: task.reference })}>
      <h3>{t('tasks.application', { reference: task.reference })}</h3>
      <QueryState query={subject}>
        {(s) =>
          s.answers === null ? (
            <p>{t('submissions.erased', { date: formatDate(s.erasedAt ?? s.submittedAt, i18n.language) })}</p>
          ) : (
            <>
              <p>{t('tasks.received', { date: formatDateTime(s.submittedAt, i18n.language) })}</p>
              <dl className="answers">
                {(labels?.fields ?? Object.keys(s.answers).map((key) => ({ key, label: key })))
                  .filter((f) => s.answers?.[f.key] !== undefined)
                  .map((f) => (
                    <div key={f.key}>
                      <dt>{f.label}</dt>
                      <dd>{labels ? labels.value(f.key, s.answers?.[f.key]) : String(s.answers?.[f.key])}</dd>
                    </div>
                  ))}
              </dl>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
