// A flow's own names in the administrator's language: statuses by their label, rules by theirs, tasks by their
// title, decisions by their label — all from the flow version's definition — and actions and timeline kinds
// from the locale files. What a page shows of a running process goes through here, so no internal key
// (`awaitingDecision`, `notify`) reaches the page while a text exists.
import type { TFunction } from 'i18next';
import type { FlowDefinition } from '../../../../workflows/flow/core/types';

type Texts = Partial<Record<string, string>> | undefined;
type TimelineEntry = { kind: string; rule?: string; action?: string; detail?: string };
type TaskConfig = { task?: string; title?: Texts; decisions?: { key: string; label?: Texts }[] };

export function flowTexts(t: TFunction, definition: FlowDefinition | undefined, locale: string) {
  const pick = (texts: Texts, fallback: string) => texts?.[locale] ?? texts?.en ?? Object.values(texts ?? {}).find(Boolean) ?? fallback;
  const tasks = (definition?.rules ?? []).flatMap((r) => r.then ?? []).filter((a) => a.action === 'createTask').map((a) => (a.config ?? {}) as TaskConfig);

  const status = (key: string) => pick(definition?.statuses?.find((s) => s.key === key)?.label as Texts, key);
  const rule = (id: string) => pick((definition?.rules?.find((r) => r.id === id) as { label?: Texts } | undefined)?.label, id);
  const task = (key: string) => pick(tasks.find((c) => c.task === key)?.title, key);
  const decision = (taskKey: string, key: string) => pick(tasks.find((c) => c.task === taskKey)?.decisions?.find((d) => d.key === key)?.label, key);
  const action = (name: string) => t(`flowActions.${name}`, { defaultValue: name });

  /** One line of a process's history in words. */
  function entry(e: TimelineEntry): string {
    const kind = t(`flows.kinds.${e.kind}`);
    const detail = e.detail ?? '';
    switch (e.kind) {
      case 'started':
      case 'ended':
      case 'status':
        return `${kind}: ${status(detail)}`;
      case 'task':
        return `${kind}: ${task(detail)}`;
      case 'decision': {
        const [taskKey = '', decisionKey = ''] = detail.split(': ');
        return `${kind}: ${task(taskKey)} – ${decision(taskKey, decisionKey)}`;
      }
      case 'action':
        return [kind, e.action ? action(e.action) : '', e.rule ? rule(e.rule) : ''].filter(Boolean).join(' · ');
      default:
        return [kind, e.rule ? rule(e.rule) : ''].filter(Boolean).join(' · ');
    }
  }
  return { status, rule, task, decision, action, entry };
}
