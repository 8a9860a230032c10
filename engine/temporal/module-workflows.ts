// What modules bring to the worker besides flow actions: activities of their own (Module.activities), workflow
// types of their own (Module.workflowTypes, bundled through workflows/modules.ts) and a resumer for those
// workflows (Module.resumeWorkflows), run at start and every few minutes. Read from the module list; no module
// is named here.
import type { ActivityDeps } from '../../activities';
import type { Module, ModuleWorkflowDeps } from '../modules/module';

type ActivityFn = (...args: never[]) => Promise<unknown>;

/**
 * Every module's activities in one record. A name taken twice — by two modules, or by a module and the
 * platform (`taken`) — would silently run the wrong code: it stops the worker from starting instead.
 */
export function moduleActivities(modules: readonly Module[], deps: ActivityDeps, taken: readonly string[] = []): Record<string, ActivityFn> {
  const owner = new Map<string, string>(taken.map((name) => [name, 'the platform']));
  const merged: Record<string, ActivityFn> = {};
  for (const m of modules) {
    for (const [name, fn] of Object.entries(m.activities?.(deps) ?? {})) {
      const other = owner.get(name);
      if (other) throw new Error(`the activity "${name}" of the module ${m.name} is ${other}'s already`);
      owner.set(name, `the module ${m.name}`);
      merged[name] = fn;
    }
  }
  return merged;
}

/** Every module's own workflow types, by their exported names. */
export function moduleWorkflowTypes(modules: readonly Module[]): string[] {
  return modules.flatMap((m) => m.workflowTypes ?? []);
}

/** How often the resumers look for workflows that should be running. */
export const RESUME_INTERVAL_MS = 5 * 60_000;

export interface Resumers {
  stop(): Promise<void>;
}

/**
 * Runs every module's resumer now and then every `intervalMs`, one round at a time. A failing resumer is logged
 * (by its module's name and the error's name, nothing else) and tried again next round.
 */
export function startResumers(modules: readonly Module[], deps: ModuleWorkflowDeps, scope: { tenantIds?: readonly string[] }, intervalMs = RESUME_INTERVAL_MS): Resumers {
  const resumers = modules.filter((m) => m.resumeWorkflows);
  let round: Promise<void> = Promise.resolve();
  let stopped = false;
  const runRound = async () => {
    for (const m of resumers) {
      if (stopped) return;
      try {
        await m.resumeWorkflows!(deps, scope);
      } catch (err) {
        deps.logger.warn({ module: m.name, error: err instanceof Error ? err.name : 'unknown' }, 'resuming module workflows failed; trying again next round');
      }
    }
  };
  const next = () => {
    round = round.then(runRound);
  };
  const timer = resumers.length > 0 ? setInterval(next, intervalMs) : undefined;
  timer?.unref();
  if (resumers.length > 0) next();
  return {
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await round;
    },
  };
}
