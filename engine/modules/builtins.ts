// What every tenant starts from, gathered from the platform and the module list: built-in forms (the
// platform's statements and each module's), built-in flows (each module's), and the form kinds there are.
import { loadFormFile, PLATFORM_BUILTIN_FORMS, PLATFORM_FORM_KINDS } from '../../forms/builtin';
import type { FormDefinitionDraft } from '../../schemas/types/forms-form-definition-draft';
import { readFileSync } from 'node:fs';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import { MODULES } from '.';
import type { BuiltinFlow, BuiltinForm, Module } from './module';

export function builtinForms(modules: readonly Module[] = MODULES): BuiltinForm[] {
  return [...PLATFORM_BUILTIN_FORMS, ...modules.flatMap((m) => m.builtinForms ?? [])];
}

export function builtinFormsFor(country: 'DK' | 'SE', modules: readonly Module[] = MODULES): { file: string; name: string; definition: FormDefinitionDraft }[] {
  return builtinForms(modules)
    .filter((f) => f.countries.includes(country))
    .map((f) => ({ file: f.file, name: f.name[country], definition: loadFormFile(f.path) }));
}

export function builtinFlows(modules: readonly Module[] = MODULES): BuiltinFlow[] {
  return modules.flatMap((m) => m.builtinFlows ?? []);
}

/** A built-in flow's definition by its file name (e.g. `application.flow.json`). */
export function loadBuiltinFlow(file: string): FlowDefinition {
  const flow = builtinFlows().find((f) => f.file === file);
  if (!flow) throw new Error(`no module ships the flow ${file}`);
  return JSON.parse(readFileSync(flow.path, 'utf8')) as FlowDefinition;
}

/** Every kind of form there is: the platform's and each module's. */
export function formKinds(modules: readonly Module[] = MODULES): string[] {
  return [...PLATFORM_FORM_KINDS, ...modules.flatMap((m) => m.formKinds ?? [])];
}

/** The message templates the modules bring (each a JSON file like the platform's builtin-templates.json). */
export function builtinTemplateFiles(modules: readonly Module[] = MODULES): string[] {
  return modules.flatMap((m) => (m.builtinTemplates ? [m.builtinTemplates] : []));
}

/** The form kinds a module takes the answers of itself (Module.selfSubmittedFormKinds). */
export function selfSubmittedFormKinds(modules: readonly Module[] = MODULES): string[] {
  return modules.flatMap((m) => m.selfSubmittedFormKinds ?? []);
}
