// The JSON Schemas the admin site's flow editor renders with RJSF: each action's config and a rule's `when`,
// with every $ref inlined (the browser has no schema registry), and a precompiled validator module per schema
// (the admin site's CSP forbids the eval Ajv would need; see engine/forms/precompiled-validator.ts).
import { createHash } from 'node:crypto';
import { _ } from 'ajv';
import { compileSchemaValidatorsCode } from '@rjsf/validator-ajv8/compileSchemaValidators';
import { loadSchemaFiles, SCHEMA_BASE } from '../../schemas/registry';
import { FORMATS } from '../../forms/formats';
import { ajvOptions } from '../../forms/validation';
import { asPageModule } from '../forms/precompiled-validator';
import { actionNames, flowAction } from './registry';

type Json = Record<string, unknown>;

function pointer(doc: Json, path: string): Json {
  return path
    .split('/')
    .filter(Boolean)
    .reduce<Json>((node, part) => node[part.replace(/~1/g, '/').replace(/~0/g, '~')] as Json, doc);
}

/** The schema with every $ref replaced by what it points to (the platform's schemas have no cycles). */
export function inlineRefs(schema: unknown, base: string, files = new Map(loadSchemaFiles().map((f) => [f.path, f.schema]))): unknown {
  if (Array.isArray(schema)) return schema.map((s) => inlineRefs(s, base, files));
  if (!schema || typeof schema !== 'object') return schema;
  const node = schema as Json;
  if (typeof node.$ref === 'string') {
    const [file, fragment = ''] = node.$ref.split('#');
    const target = file ? file.replace(SCHEMA_BASE, '') : base;
    const doc = files.get(target);
    if (!doc) throw new Error(`unknown schema ${node.$ref}`);
    const { $ref: _ref, ...rest } = node;
    return { ...(inlineRefs(pointer(doc, fragment), target, files) as Json), ...rest };
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) if (k !== '$id' && k !== '$defs') out[k] = inlineRefs(v, base, files);
  return out;
}

let cached: { actions: Record<string, Json>; when: Json } | undefined;

export function editorSchemas(): { actions: Record<string, Json>; when: Json } {
  if (cached) return cached;
  const files = new Map(loadSchemaFiles().map((f) => [f.path, f.schema]));
  const schemaOf = (name: string) => {
    const schema = flowAction(name)!.configSchema;
    return (typeof schema === 'string' ? inlineRefs(files.get(schema), schema, files) : inlineRefs(schema, '', files)) as Json;
  };
  const actions = Object.fromEntries(actionNames().map((name) => [name, schemaOf(name)]));
  const draft = 'flows/flow-definition-draft.schema.json';
  const when = inlineRefs({ $ref: `${SCHEMA_BASE}${draft}#/$defs/when` }, draft, files) as Json;
  cached = { actions, when };
  return cached;
}

const modules = new Map<string, string>();

/** An ES module exporting RJSF's precompiled validators for one editor schema (by name: an action, or `when`). */
export function editorValidatorModule(name: string): string | undefined {
  const { actions, when } = editorSchemas();
  const schema = name === 'when' ? when : actions[name];
  if (!schema) return undefined;
  const key = createHash('sha256').update(name).digest('hex');
  const hit = modules.get(key);
  if (hit) return hit;
  const code = compileSchemaValidatorsCode(schema as never, { customFormats: FORMATS, ajvOptionsOverrides: { ...ajvOptions, strict: false, code: { formats: _`globalThis.__tingvallaFormats` } } }); // RJSF adds its own option-matching schemas, which strict mode rejects
  const module = asPageModule(code);
  modules.set(key, module);
  return module;
}
