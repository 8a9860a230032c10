// The browser's validator for a published form: precompiled on the server for this version and language
// (engine/forms/precompiled-validator.ts), because the sites' Content Security Policy forbids the eval that
// Ajv's run-time compilation needs. Here the page supplies what that code refers to — the same format
// functions as the server, Ajv's runtime helpers — and RJSF wraps it, with messages in the form's language.
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { createPrecompiledValidator, type ValidatorFunctions } from '@rjsf/validator-ajv8';
import equal from 'ajv/dist/runtime/equal';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import uri from 'ajv/dist/runtime/uri';
import validationError from 'ajv/dist/runtime/validation_error';
import { fullFormats } from 'ajv-formats/dist/formats';
import { FORMATS } from '../../formats';
import { localizeErrors, type MessageLocale } from '../../i18n/ajv-messages';

const globals = globalThis as Record<string, unknown>;
globals.__tingvallaFormats = { ...fullFormats, ...FORMATS };
globals.__tingvallaAjvRuntime = {
  'ajv/dist/runtime/equal': { default: equal },
  'ajv/dist/runtime/ucs2length': { default: ucs2length },
  'ajv/dist/runtime/uri': { default: uri },
  'ajv/dist/runtime/validation_error': { default: validationError },
};

export async function loadFormValidator(url: string, schema: RJSFSchema, locale: MessageLocale): Promise<ValidatorType> {
  const module = (await import(/* @vite-ignore */ url)) as { default: ValidatorFunctions };
  // Throws (rejecting the promise) when the code was compiled for another schema, e.g. a draft saved since.
  return createPrecompiledValidator(module.default, schema, (errors) => localizeErrors(locale, errors));
}
