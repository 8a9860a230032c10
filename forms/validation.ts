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

export interface FieldError {
  /** JSON pointer to the field, e.g. `/contact/email`; `/` is the document itself. */
  field: string;
  message: string;
}

/** Turns Ajv's errors into one entry per field, naming missing properties by their own path. */
export function toFieldErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  return (errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : '';
    const extra = e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : '';
    const field = `${e.instancePath}${missing}${extra}` || '/';
    return { field, message: e.message ?? e.keyword };
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
