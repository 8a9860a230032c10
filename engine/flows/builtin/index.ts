// The flows Tingvalla ships as files. "application" is given to every tenant and attached to the demo e-service
// form; the others are the patterns the election and petition modules build on (kept here so the engine's
// tests run them to their end).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowDefinition } from '../../../workflows/flow/core/types';

export const BUILTIN_FLOW_FILES = ['application.flow.json', 'invitation.flow.json', 'vote-window.flow.json', 'election-retention.flow.json'] as const;
export type BuiltinFlowFile = (typeof BUILTIN_FLOW_FILES)[number];

export function loadBuiltinFlow(file: BuiltinFlowFile): FlowDefinition {
  return JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as FlowDefinition;
}

/** The defaults of a definition's parameters: the values a published version runs with. */
export function parameterDefaults(def: FlowDefinition): Record<string, unknown> {
  return Object.fromEntries(Object.entries(def.parameters?.properties ?? {}).map(([k, p]) => [k, p.default]));
}
