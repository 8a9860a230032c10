// Server-side validation of platform documents against their JSON Schemas (schemas/), with the shared
// Ajv setup of forms/validation.ts. A failure becomes a ValidationError that names every field.
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { createAjv, fieldError, toFieldErrors, type CodedFieldError, type FieldError } from '../forms/validation';
import { loadSchemaFiles, SCHEMA_BASE } from '../schemas/registry';
import { ValidationError } from './errors';

function ajvWithAllSchemas(coerceTypes: boolean): Ajv {
  const ajv = createAjv({ useDefaults: true, coerceTypes });
  for (const file of loadSchemaFiles()) ajv.addSchema(file.schema, file.id);
  return ajv;
}

const bodies = ajvWithAllSchemas(false);
// Query strings arrive as text; only there may "2" stand for 2.
const queries = ajvWithAllSchemas(true);

function check<T>(ajv: Ajv, schemaPath: string, data: unknown): T {
  const fn = ajv.getSchema(SCHEMA_BASE + schemaPath);
  if (!fn) throw new Error(`unknown schema ${schemaPath}`);
  if (!fn(data)) throw new ValidationError(toFieldErrors(fn.errors));
  return data as T;
}

/** Validates a JSON document (defaults filled in, in place) against schemas/<path>; throws ValidationError. */
export function validate<T>(schemaPath: string, data: unknown): T {
  return check<T>(bodies, schemaPath, data);
}

/** Validates a copy of a parsed query string, turning numeric text into numbers where the schema says so. */
export function validateQuery<T>(schemaPath: string, query: Record<string, unknown>): T {
  const checked = check<T>(queries, schemaPath, { ...query });
  // Ajv's coercion turns "1e400" into Infinity and lets it through an integer's bounds (inside anyOf); text that
  // reads as no finite number is refused here, for every query and path parameter.
  const infinite = Object.entries(checked as Record<string, unknown>).filter(([, v]) => typeof v === 'number' && !Number.isFinite(v));
  if (infinite.length) throw new ValidationError(infinite.map(([k]) => fieldError(`/${k}`, 'value.notFinite', {}, 'must be a finite number')));
  return checked;
}

const inline = new WeakMap<object, ValidateFunction>();

/** A schema a module carries inline (e.g. a flow action's config) rather than as a file under schemas/. */
function compiledInline(schema: object): ValidateFunction {
  let fn = inline.get(schema);
  if (!fn) inline.set(schema, (fn = bodies.compile(schema)));
  return fn;
}

/**
 * The problems a copy of `data` has against schemas/<path> (defaults are not written into `data`), one per
 * field: a draft schema and a stricter one may both object to a field. `prefix` places them in a larger document.
 * `schema` is a path under schemas/ or a schema object a module carries itself.
 */
export function schemaProblems(schema: string | object, data: unknown, prefix = ''): CodedFieldError[] {
  const fn = typeof schema === 'string' ? bodies.getSchema(SCHEMA_BASE + schema) : compiledInline(schema);
  if (!fn) throw new Error(`unknown schema ${String(schema)}`);
  if (fn(structuredClone(data))) return [];
  const seen = new Set<string>();
  return toFieldErrors(fn.errors)
    .map((f) => ({ ...f, field: `${prefix}${f.field === '/' ? '' : f.field}` || '/' }))
    .filter((f) => !seen.has(f.field) && seen.add(f.field));
}

/** The field errors a check throws as a ValidationError, as a list (empty when it passes). */
export function fieldErrorsOf(check: () => unknown): FieldError[] {
  try {
    check();
    return [];
  } catch (err) {
    if (err instanceof ValidationError) return err.fields ?? [];
    throw err;
  }
}
