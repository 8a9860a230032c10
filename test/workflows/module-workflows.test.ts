// Modules' own workflow types and activities: what a module declares (Module.workflowTypes) is what the
// workflow side's list (workflows/modules.ts) exports — no more, no less — and reaches the bundle's entry
// (workflows/index.ts); activities of modules join the platform's, and a name taken twice stops the worker.
import * as entry from '../../workflows';
import * as moduleEntry from '../../workflows/modules';
import { createActivities } from '../../activities';
import type { Database } from '../../engine/db/database';
import { MODULES } from '../../engine/modules';
import type { Module } from '../../engine/modules/module';
import { moduleActivities, moduleWorkflowTypes, startResumers } from '../../engine/temporal/module-workflows';
import { workerActivities } from '../../engine/temporal/worker';

const functionsOf = (ns: Record<string, unknown>): string[] =>
  Object.entries(ns)
    .filter(([, v]) => typeof v === 'function')
    .map(([k]) => k)
    .sort();

const db = {} as Database;

describe('module workflow types', () => {
  it('every declared type is exported by workflows/modules.ts, and nothing undeclared', () => {
    expect(functionsOf(moduleEntry)).toEqual([...moduleWorkflowTypes(MODULES)].sort());
  });

  it('every declared type is a workflow of the bundle entry, and none is declared twice', () => {
    const declared = moduleWorkflowTypes(MODULES);
    expect(new Set(declared).size).toBe(declared.length);
    const bundled = functionsOf(entry);
    for (const type of declared) expect(bundled).toContain(type);
  });

  it('the bundle entry has no workflow types beyond the platform’s own and the declared ones', () => {
    const platformTypes = functionsOf(entry).filter((name) => !moduleWorkflowTypes(MODULES).includes(name));
    // The platform's own workflows live in workflows/<name>/ beside the list of modules; a module's type
    // exported from the entry but not through workflows/modules.ts would show up here.
    expect(platformTypes).toEqual(['flowInstance', 'tenantHousekeeping']);
  });

  it('a module with workflow types of its own is installed, so the seam is used', () => {
    expect(MODULES.some((m) => (m.workflowTypes ?? []).length > 0)).toBe(true);
  });
});

describe('module activities', () => {
  it('the worker runs the platform’s activities and every module’s', () => {
    const all = workerActivities({ db });
    for (const name of Object.keys(createActivities({ db }))) expect(all).toHaveProperty(name);
    for (const m of MODULES) for (const name of Object.keys(m.activities?.({ db }) ?? {})) expect(typeof (all as Record<string, unknown>)[name]).toBe('function');
  });

  it('refuses a name two modules both use', () => {
    const fn = async () => undefined;
    const a: Module = { name: 'alpha', activities: () => ({ doThing: fn }) };
    const b: Module = { name: 'beta', activities: () => ({ doThing: fn }) };
    expect(() => moduleActivities([a, b], { db })).toThrow(/"doThing" of the module beta is the module alpha's already/);
  });

  it('refuses a module activity named like one of the platform’s', () => {
    const platformName = Object.keys(createActivities({ db }))[0]!;
    const a: Module = { name: 'alpha', activities: () => ({ [platformName]: async () => undefined }) };
    expect(() => workerActivities({ db }, [a])).toThrow(/the platform's already/);
  });
});

describe('module workflow resumers', () => {
  const deps = { db, temporal: {} as never, logger: { warn: jest.fn(), info: jest.fn() } as never };

  it('runs each module’s resumer at start, with the scope given, and again each interval', async () => {
    const calls: unknown[] = [];
    const m: Module = { name: 'alpha', resumeWorkflows: async (_d, scope) => void calls.push(scope) };
    const resumers = startResumers([m, { name: 'beta' }], deps, { tenantIds: ['t'] }, 20);
    await new Promise((r) => setTimeout(r, 70));
    await resumers.stop();
    expect(calls[0]).toEqual({ tenantIds: ['t'] });
    expect(calls.length).toBeGreaterThanOrEqual(2);
    const after = calls.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.length).toBe(after);
  });

  it('a failing resumer is logged by its module and error name, and tried again', async () => {
    let attempts = 0;
    const warn = jest.fn();
    const m: Module = {
      name: 'alpha',
      resumeWorkflows: async () => {
        attempts += 1;
        throw new TypeError('secret detail');
      },
    };
    const resumers = startResumers([m], { ...deps, logger: { warn, info: jest.fn() } as never }, {}, 20);
    await new Promise((r) => setTimeout(r, 70));
    await resumers.stop();
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(warn).toHaveBeenCalledWith({ module: 'alpha', error: 'TypeError' }, expect.any(String));
    expect(JSON.stringify(warn.mock.calls)).not.toContain('secret detail');
  });
});
