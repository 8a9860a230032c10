// The browser validates forms with code compiled here, not in the page: the sites' Content Security Policy
// forbids eval, which Ajv's run-time compilation needs. For one published version in one language the
// server localizes the definition exactly as the renderer does, compiles RJSF's validators for it with the
// shared options and formats (Ajv standalone code), and wraps the CommonJS output as an ES module whose few
// runtime imports and format functions the page provides (forms/ui/renderer/validator.ts).
import { createHash } from 'node:crypto';
import { _ } from 'ajv';
import { compileSchemaValidatorsCode } from '@rjsf/validator-ajv8/compileSchemaValidators';
import type { FormDefinitionDraft } from '../../schemas/types/forms-form-definition-draft';
import { FORMATS } from '../../forms/formats';
import { localizeDefinition, type FormLocale } from '../../forms/ui/renderer/localize-definition';
import { ajvOptions, formAjvOptions } from '../../forms/validation';

/** Names the page must define: format functions and Ajv's runtime helpers. */
export const FORMATS_GLOBAL = '__tingvallaFormats';
export const RUNTIME_GLOBAL = '__tingvallaAjvRuntime';

const cache = new Map<string, string>();

/** Ajv's CommonJS standalone code as an ES module whose runtime imports the page provides. */
export function asPageModule(code: string): string {
  return [
    'const exports = {};',
    `const require = (name) => { const m = globalThis.${RUNTIME_GLOBAL}[name]; if (!m) throw new Error('missing Ajv runtime ' + name); return m; };`,
    code,
    'export default exports;',
  ].join('\n');
}

export function validatorModule(definition: FormDefinitionDraft, locale: FormLocale): string {
  const { schema } = localizeDefinition(definition, locale);
  const key = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
  const hit = cache.get(key);
  if (hit) return hit;
  const code = compileSchemaValidatorsCode(schema, {
    customFormats: FORMATS,
    ajvOptionsOverrides: { ...ajvOptions, ...formAjvOptions, code: { formats: _`globalThis.__tingvallaFormats` } }, // = FORMATS_GLOBAL (a literal: _`` would quote a string)
  });
  const module = asPageModule(code);
  if (cache.size > 200) cache.clear();
  cache.set(key, module);
  return module;
}
