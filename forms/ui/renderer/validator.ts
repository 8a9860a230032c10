// The browser's validator: @rjsf/validator-ajv8 with the same options and formats as the server
// (forms/validation.ts, forms/formats) and messages in the form's language.
import { customizeValidator } from '@rjsf/validator-ajv8';
import { FORMATS } from '../../formats';
import { localizeErrors, type MessageLocale } from '../../i18n/ajv-messages';
import { ajvOptions, formAjvOptions } from '../../validation';

const validators = new Map<MessageLocale, ReturnType<typeof customizeValidator>>();

export function formValidator(locale: MessageLocale) {
  let validator = validators.get(locale);
  if (!validator) {
    validator = customizeValidator({ customFormats: FORMATS, ajvOptionsOverrides: { ...ajvOptions, ...formAjvOptions } }, (errors) => localizeErrors(locale, errors));
    validators.set(locale, validator);
  }
  return validator;
}
