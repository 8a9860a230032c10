// The one Ajv setup of Tingvalla. The server validates every payload with it, and the UIs hand the same
// options to @rjsf/validator-ajv8, so a browser and the server never disagree about what is valid.
import Ajv, { type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { addTingvallaFormats } from './formats';

export const ajvOptions: Options = {
  allErrors: true,
  strict: true,
  // Field names in error messages are JSON pointers; keep them stable for problem+json.
  messages: true,
};

export function createAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ ...ajvOptions, ...extra });
  addFormats(ajv);
  addTingvallaFormats(ajv);
  return ajv;
}

/** What a code's text is filled with: counts, limits, names of fields, statuses, templates (never personal data). */
export type ProblemParams = Record<string, unknown>;

export interface FieldError {
  /** JSON pointer to the field, e.g. `/contact/email`; `/` is the document itself. */
  field: string;
  /**
   * Stable code of the problem (`schema.required`, `flow.initialStatusCount`): the pages show its translation,
   * filled with `params`. Every Ajv error and every publish problem carries one; a field error without one is
   * shown with its English `message`.
   */
  code?: string;
  params?: ProblemParams;
  /** In English, for API users and logs. */
  message: string;
}

/** A field error that has its code: what Ajv and the publish checks produce. */
export type CodedFieldError = FieldError & { code: string; params: ProblemParams };

export function fieldError(field: string, code: string, params: ProblemParams, message: string): CodedFieldError {
  return { field, code, params, message };
}

/**
 * The keywords whose errors the pages translate (`schema.<keyword>` in each app's locale files). An error of
 * another keyword still carries its code and is shown with its English message.
 */
export const SCHEMA_ERROR_KEYWORDS = [
  'required', 'type', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'enum', 'const', 'format', 'pattern', 'additionalProperties', 'minItems', 'maxItems', 'uniqueItems', 'minProperties',
  'maxProperties', 'propertyNames', 'dependentRequired', 'if', 'anyOf', 'oneOf', 'not', 'falseSchema',
] as const;

/** `schema.<keyword>`; Ajv's "false schema" (a property that may not be there at all) as `schema.falseSchema`. */
export const schemaErrorCode = (keyword: string): string => `schema.${keyword === 'false schema' ? 'falseSchema' : keyword}`;

/** Turns Ajv's errors into one entry per field, naming missing properties by their own path. */
export function toFieldErrors(errors: ErrorObject[] | null | undefined): CodedFieldError[] {
  return (errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : '';
    const extra = e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : '';
    const field = `${e.instancePath}${missing}${extra}` || '/';
    // Ajv's params (limit, missingProperty, allowedValues, format, pattern, type …) are what the texts fill in.
    return { field, code: schemaErrorCode(e.keyword), params: { ...(e.params as ProblemParams) }, message: e.message ?? e.keyword };
  });
}

/**
 * For the schemas administrators design (forms, not platform documents): unknown keywords and formats are
 * still errors, but the type-annotation rules of strict mode are relaxed, since designer-made conditions
 * (`if: { properties: { member: { const: true } } }`) rightly leave types to the field they test.
 */
export const formAjvOptions: Options = { strictTypes: false, strictRequired: false, strictTuples: false };

export function createFormAjv(): Ajv {
  return createAjv(formAjvOptions);
}
