// Helpers for the flows Tingvalla ships; the files themselves live with their modules (engine/modules/<name>/
// builtin/) and are found through engine/modules/builtins.ts.
import type { FlowDefinition } from '../../../workflows/flow/core/types';

export { loadBuiltinFlow } from '../../modules/builtins';

/** The defaults of a definition's parameters: the values a published version runs with. */
export function parameterDefaults(def: FlowDefinition): Record<string, unknown> {
  return Object.fromEntries(Object.entries(def.parameters?.properties ?? {}).map(([k, p]) => [k, p.default]));
}
