// The server's check of a filled form: the published version's own schema, compiled once per version with
// the shared Ajv setup (forms/validation.ts) — the same rules the browser's validator-ajv8 applies — and closed
// (closed-schema.ts), so answers to questions the form does not ask are refused rather than stored.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createFormAjv, toFieldErrors } from '../../forms/validation';
import { closedSchema } from './closed-schema';
import { ValidationError } from '../errors';

const ajv = createFormAjv();

/** Ajv's "must NOT have additional properties" / "boolean schema is false", said as what they mean here. */
const NOT_ASKED = new Set(['additionalProperties', 'false schema']);
const inWords = (e: ErrorObject): ErrorObject => (NOT_ASKED.has(e.keyword) ? { ...e, message: 'is not a question of this form' } : e);

const compiled = new Map<string, ValidateFunction>();

/** `contentHash` identifies the published definition exactly, so a cache entry is never stale. */
export function assertValidAnswers(contentHash: string, schema: object, answers: unknown): Record<string, unknown> {
  let check = compiled.get(contentHash);
  if (!check) {
    check = ajv.compile(closedSchema(schema));
    if (compiled.size > 500) compiled.clear();
    compiled.set(contentHash, check);
  }
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) throw new ValidationError([{ field: '/', message: 'must be an object of answers' }]);
  // An unmet if/then also reports 'must match "then" schema' on the whole form; the field's own error says it better.
  if (!check(answers)) throw new ValidationError(toFieldErrors(check.errors?.filter((e) => e.keyword !== 'if').map(inWords)));
  return answers as Record<string, unknown>;
}
