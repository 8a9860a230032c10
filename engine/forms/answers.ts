// The server's check of a filled form: the published version's own schema, compiled once per version with
// the shared Ajv setup (forms/validation.ts) — the same rules the browser's validator-ajv8 applies.
import type { ValidateFunction } from 'ajv';
import { createFormAjv, toFieldErrors } from '../../forms/validation';
import { ValidationError } from '../errors';

const ajv = createFormAjv();
const compiled = new Map<string, ValidateFunction>();

/** `contentHash` identifies the published definition exactly, so a cache entry is never stale. */
export function assertValidAnswers(contentHash: string, schema: object, answers: unknown): Record<string, unknown> {
  let check = compiled.get(contentHash);
  if (!check) {
    check = ajv.compile(schema);
    if (compiled.size > 500) compiled.clear();
    compiled.set(contentHash, check);
  }
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) throw new ValidationError([{ field: '/', message: 'must be an object of answers' }]);
  // An unmet if/then also reports 'must match "then" schema' on the whole form; the field's own error says it better.
  if (!check(answers)) throw new ValidationError(toFieldErrors(check.errors?.filter((e) => e.keyword !== 'if')));
  return answers as Record<string, unknown>;
}
