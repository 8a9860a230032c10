// What flows can do and be about, read from the platform's own actions and the module list: every action (its
// config schema, publish check and handler) and every subject type. A name claimed twice stops the start.
// Tests install a module of their own (installModule) or stand in for a subject type a module has only declared.
import { MODULES } from '../modules';
import type { FlowAction, Module, SubjectType } from '../modules/module';
import { PLATFORM_ACTIONS } from './actions';

export type { SubjectDeps, SubjectFacts, SubjectType } from '../modules/module';

const actions = new Map<string, FlowAction>(Object.entries(PLATFORM_ACTIONS));
const subjectTypes = new Map<string, SubjectType>();
const modules = new Set<string>();

/** Adds a module's actions and subject types; a name another module (or the platform) has is refused. */
export function installModule(module: Module): void {
  if (modules.has(module.name)) throw new Error(`the module ${module.name} is installed already`);
  for (const [name, action] of Object.entries(module.actions ?? {})) {
    if (actions.has(name)) throw new Error(`module ${module.name}: the flow action "${name}" exists already`);
    actions.set(name, action);
  }
  for (const [name, type] of Object.entries(module.subjectTypes ?? {})) {
    if (subjectTypes.has(name)) throw new Error(`module ${module.name}: the subject type "${name}" exists already`);
    subjectTypes.set(name, type);
  }
  modules.add(module.name);
}

for (const module of MODULES) installModule(module);

/** A test's stand-in for a subject type (its module has declared it but not carried it out yet). */
export function standInSubjectType(name: string, type: SubjectType): void {
  if (!subjectTypes.has(name)) throw new Error(`no module declares the subject type "${name}"`);
  subjectTypes.set(name, type);
}

export function flowAction(name: string): FlowAction | undefined {
  return actions.get(name);
}

export function actionNames(): string[] {
  return [...actions.keys()];
}

export function subjectType(name: string): SubjectType {
  const t = subjectTypes.get(name);
  if (!t) throw new Error(`no subject type "${name}" is registered`);
  return t;
}

export const isInstalledModule = (name: string): boolean => modules.has(name);

export const isKnownSubjectType = (name: string): boolean => subjectTypes.has(name);

/** Subjects that hold personal data must have a deletion rule before their flow may be published. */
export const requiresDeletion = (name: string): boolean => subjectTypes.get(name)?.personalData ?? false;
