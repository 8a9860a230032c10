// Conditions (`if`) are JSON Logic, run by json-logic-engine's interpreter (no code generation, so it runs in
// the workflow sandbox and in the browser alike). Only the operators below are allowed: pure comparisons and
// arithmetic over the data given; publishing refuses others, and evaluation refuses them again.
import { LogicEngine } from 'json-logic-engine';

export const ALLOWED_OPERATORS = new Set([
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and', '<', '<=', '>', '>=',
  '+', '-', '*', '/', '%', 'min', 'max', 'in', 'cat', 'substr', 'some', 'all', 'none', 'map', 'filter', 'merge', 'length',
]);

const engine = new LogicEngine();

/** Every operator a JSON Logic expression uses that is not allowed, and every `var` it reads. */
export function inspectLogic(logic: unknown): { forbidden: string[]; vars: string[] } {
  const forbidden = new Set<string>();
  const vars = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      forbidden.add(`{${keys.join(', ')}}`);
      return;
    }
    const op = keys[0]!;
    const args = (node as Record<string, unknown>)[op];
    if (!ALLOWED_OPERATORS.has(op)) forbidden.add(op);
    if (op === 'var') {
      const name = Array.isArray(args) ? args[0] : args;
      if (typeof name === 'string') vars.add(name);
      return;
    }
    walk(args);
  };
  walk(logic);
  return { forbidden: [...forbidden], vars: [...vars] };
}

export function evaluateCondition(logic: unknown, data: Record<string, unknown>): boolean {
  if (logic === undefined) return true;
  const { forbidden } = inspectLogic(logic);
  if (forbidden.length) throw new Error(`condition uses operators that are not allowed: ${forbidden.join(', ')}`);
  return Boolean(engine.run(logic as never, data));
}
