// Flow definitions in words, for the editor's rule summaries and the version diff.
import type { FlowDefinition } from '../../../../workflows/flow/core/types';

type Rule = NonNullable<FlowDefinition['rules']>[number];
type Amount = number | { $param: string };
type Duration = Partial<Record<'months' | 'weeks' | 'days' | 'hours' | 'minutes', Amount>> & { at?: string };

const amount = (a: Amount | undefined) => (a === undefined ? '' : typeof a === 'number' ? String(a) : `⟨${a.$param}⟩`);

export function describeDuration(d: Duration | undefined): string {
  if (!d) return '?';
  const parts = (['months', 'weeks', 'days', 'hours', 'minutes'] as const).filter((u) => d[u] !== undefined).map((u) => `${amount(d[u])} ${u}`);
  return `${parts.join(' ') || '0 days'}${d.at ? ` at ${d.at}` : ''}`;
}

function describeEvent(e: { event: string; status?: string; task?: string; decision?: string } | undefined): string {
  if (!e) return '?';
  const details = [e.status && `status “${e.status}”`, e.task && `task “${e.task}”`, e.decision && `decision “${e.decision}”`].filter(Boolean);
  return `${e.event}${details.length ? ` (${details.join(', ')})` : ''}`;
}

export function describeWhen(when: Rule['when']): string {
  const w = when as Record<string, unknown> & { on: string };
  switch (w.on) {
    case 'event':
      return `When ${describeEvent(w.event as never)}`;
    case 'after':
      return `${describeDuration(w.duration as Duration)} after ${w.date ? `the date “${String(w.date)}”` : describeEvent(w.event as never)}`;
    case 'before':
      return `${describeDuration(w.duration as Duration)} before the date “${String(w.date)}”`;
    case 'every': {
      const until = ((w.until as { on: string; event?: never; date?: string; deadline?: string; duration?: Duration }[] | undefined) ?? []).map((u) => (u.on === 'event' ? describeEvent(u.event) : u.on === 'before' ? `${describeDuration(u.duration)} before “${u.date}”` : `deadline “${u.deadline}”`));
      return `Every ${describeDuration(w.duration as Duration)} from ${describeEvent(w.event as never)}${until.length ? `, until ${until.join(' or ')}` : ''}, at most ${amount(w.maxCount as Amount)} times`;
    }
    case 'deadline':
      return `When deadline “${String(w.deadline)}” is reached`;
    case 'threshold':
      return `When counter “${String(w.counter)}” reaches ${amount(w.atLeast as Amount)}`;
    default:
      return JSON.stringify(w);
  }
}

export function describeAction(a: NonNullable<Rule['then']>[number]): string {
  const c = (a.config ?? {}) as Record<string, unknown>;
  switch (a.action) {
    case 'setStatus':
      return `set the status to “${String(c.status)}”`;
    case 'notify':
      return `send “${String(c.template)}” to ${c.recipient === 'subject' ? 'the person' : 'the caseworkers'} by ${((c.channels as string[]) ?? []).join(', ')}`;
    case 'createTask':
      return `open task “${String(c.task)}” for ${String(c.role)}`;
    case 'deletePersonalData':
      return 'delete the personal data';
    default:
      return a.action;
  }
}

/** What changed between two versions, in words: parameters' defaults, statuses, rules added, removed or changed. */
export function diffFlows(before: FlowDefinition, after: FlowDefinition): string[] {
  const out: string[] = [];
  const pb = before.parameters?.properties ?? {};
  const pa = after.parameters?.properties ?? {};
  for (const k of new Set([...Object.keys(pb), ...Object.keys(pa)])) {
    if (!pb[k]) out.push(`Parameter “${k}” added (default ${JSON.stringify(pa[k]!.default)})`);
    else if (!pa[k]) out.push(`Parameter “${k}” removed`);
    else if (JSON.stringify(pb[k]) !== JSON.stringify(pa[k])) out.push(`Parameter “${k}”: default ${JSON.stringify(pb[k]!.default)} → ${JSON.stringify(pa[k]!.default)}`);
  }
  const sb = new Set((before.statuses ?? []).map((s) => s.key));
  const sa = new Set((after.statuses ?? []).map((s) => s.key));
  for (const s of sa) if (!sb.has(s)) out.push(`Status “${s}” added`);
  for (const s of sb) if (!sa.has(s)) out.push(`Status “${s}” removed`);
  const rb = new Map((before.rules ?? []).map((r) => [r.id, r]));
  const ra = new Map((after.rules ?? []).map((r) => [r.id, r]));
  for (const [id, r] of ra) {
    const old = rb.get(id);
    if (!old) out.push(`Rule “${id}” added: ${describeWhen(r.when)}`);
    else if (JSON.stringify(old) !== JSON.stringify(r)) out.push(`Rule “${id}” changed: ${describeWhen(r.when)}, then ${(r.then ?? []).map(describeAction).join('; ')}`);
  }
  for (const id of rb.keys()) if (!ra.has(id)) out.push(`Rule “${id}” removed`);
  return out;
}
