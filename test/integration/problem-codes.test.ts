// Every code the server can send in a field error, a preview warning or a scenario name has its text in the
// admin site's three languages (`codes.<code>` in admin-ui/src/locales), so a Danish or Swedish page never
// falls back to the server's English. The codes come from the lists their producers export, from the code
// literals in the producers' sources (a code added without the list fails here too), and from running the
// producers on drafts full of mistakes. Ajv's keywords: every keyword the platform's schemas use that can fail.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuiltinFlow, parameterDefaults } from '../../engine/flows/builtin';
import { FLOW_PROBLEM_CODES, flowPublishProblems } from '../../engine/flows/publishable';
import { SCENARIO_CODES, suggestScenarios } from '../../engine/flows/scenarios';
import { FORM_PROBLEM_CODES, publishProblems } from '../../engine/forms/publishable';
import { schemaErrorCode, SCHEMA_ERROR_KEYWORDS } from '../../forms/validation';
import { PREVIEW_WARNING_CODES, simulate } from '../../workflows/flow/core/simulate';
import { JSON_VALUE_CODES } from '../../engine/http/json-body';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import { signupDraft } from '../fixtures/signup-form';

const LANGUAGES = ['da', 'sv', 'en'] as const;
const locales = Object.fromEntries(LANGUAGES.map((l) => [l, JSON.parse(readFileSync(join('admin-ui', 'src', 'locales', `${l}.json`), 'utf8')) as Record<string, unknown>]));

/** The texts of a code in a language: the key itself, or its plural forms (`_one`, `_other`). */
function textsOf(lang: (typeof LANGUAGES)[number], code: string): string[] {
  const path = ['codes', ...code.split('.')];
  const last = path.pop()!;
  const parent = path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), locales[lang]);
  if (!parent || typeof parent !== 'object') return [];
  const p = parent as Record<string, unknown>;
  return [p[last], p[`${last}_one`], p[`${last}_other`]].filter((x): x is string => typeof x === 'string' && x !== '');
}

const missingIn = (codes: Iterable<string>) => LANGUAGES.flatMap((l) => [...codes].filter((c) => textsOf(l, c).length === 0).map((c) => `${l}: ${c}`));

const schemaCodes = SCHEMA_ERROR_KEYWORDS.map(schemaErrorCode);
const listed = new Set<string>([...schemaCodes, ...FORM_PROBLEM_CODES, ...FLOW_PROBLEM_CODES, ...SCENARIO_CODES, ...PREVIEW_WARNING_CODES, ...JSON_VALUE_CODES]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The files that make field errors, warnings and scenario names with codes. */
const PRODUCERS = ['engine/http/json-body.ts', 'engine/forms/publishable.ts', 'engine/flows/publishable.ts', 'engine/flows/scenarios.ts', 'workflows/flow/core/simulate.ts', ...filesUnder('engine/flows/actions')];

/** Code literals as the producers write them: `fieldError(field, 'code'`, `add(field, 'code'`, `problem(field, 'code'`, `code: 'code'`. */
function codeLiterals(source: string): string[] {
  const patterns = [/\b(?:fieldError|add|problem)\(\s*[^,]+,\s*'([^']+)'/g, /\bcode: '([^']+)'/g];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]!));
}

describe('codes in the locale files', () => {
  it('has a text in da, sv and en for every code the producers list', () => {
    expect(missingIn(listed)).toEqual([]);
  });

  it('lists every code the producers write in their sources', () => {
    const written = PRODUCERS.flatMap((file) => codeLiterals(readFileSync(file, 'utf8')).map((code) => ({ file, code })));
    expect(written.length).toBeGreaterThan(40);
    expect(written.filter((w) => !listed.has(w.code))).toEqual([]);
  });

  it('fills the same params into each code’s text in every language', () => {
    const placeholders = (texts: string[]) => [...new Set(texts.flatMap((t) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!)))].sort();
    const differing = [...listed].filter((code) => new Set(LANGUAGES.map((l) => placeholders(textsOf(l, code)).join(','))).size > 1);
    expect(differing).toEqual([]);
  });
});

/** The schema keywords that can fail (Ajv reports an error with the keyword's name), as they appear in a schema. */
const FAILING_KEYWORDS = new Set(['type', 'required', 'enum', 'const', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'minContains', 'maxContains', 'minProperties', 'maxProperties', 'additionalProperties', 'additionalItems', 'propertyNames', 'dependentRequired', 'dependencies', 'unevaluatedProperties', 'unevaluatedItems', 'if', 'anyOf', 'oneOf', 'not']);
/** Keywords whose value maps names to schemas (the names are not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is data, not a schema. */
const DATA = new Set(['enum', 'const', 'default', 'examples', 'required', 'dependentRequired', 'title', 'description']);

/** The failing keywords a schema uses anywhere in it; a `false` subschema is Ajv's "false schema". */
function keywordsOf(schema: unknown, out = new Set<string>()): Set<string> {
  if (schema === false) out.add('falseSchema');
  if (Array.isArray(schema)) schema.forEach((s) => keywordsOf(s, out));
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (FAILING_KEYWORDS.has(k)) out.add(k);
      if (SCHEMA_MAPS.has(k) && v && typeof v === 'object') Object.values(v).forEach((s) => keywordsOf(s, out));
      else if (!DATA.has(k)) keywordsOf(v, out);
    }
  }
  return out;
}

it('translates every keyword the platform’s schemas and built-in forms use that can fail', () => {
  const files = [...filesUnder('schemas'), ...filesUnder('forms/builtin')].filter((f) => f.endsWith('.json'));
  const used = new Set<string>();
  for (const file of files) keywordsOf(JSON.parse(readFileSync(file, 'utf8')), used);
  expect(used.size).toBeGreaterThan(10);
  expect([...used].filter((k) => !(SCHEMA_ERROR_KEYWORDS as readonly string[]).includes(k)).sort()).toEqual([]);
});

describe('what the producers send', () => {
  const refs = { templates: new Set<string>(), roles: new Set<string>(), forms: new Set<string>(), flows: new Set<string>(), retentionMonths: 1 };

  it('gives a listed, translated code and params with every flow publish problem', () => {
    const def = loadBuiltinFlow('application.flow.json');
    // Unknown templates, roles, statuses and deadlines; an unreachable status; then no initial status; then nothing right at all.
    const broken = {
      ...def,
      statuses: [...def.statuses!, { key: 'limbo', label: { da: 'Limbo' } }],
      rules: [...def.rules!, { id: 'odd', when: { on: 'deadline', deadline: 'nope' }, then: [{ action: 'setStatus', config: { status: 'nowhere' } }, { action: 'extendDeadline', config: { deadline: 'nope', by: { days: 1 } } }] }],
    };
    const problems = [...flowPublishProblems(broken, refs), ...flowPublishProblems({ ...def, statuses: def.statuses!.map((s) => ({ ...s, initial: false })) }, refs), ...flowPublishProblems({ key: 'x' }, refs)];
    expect(problems.length).toBeGreaterThan(5);
    for (const p of problems) expect([p.field, typeof p.code, typeof p.params, typeof p.message]).toEqual([p.field, 'string', 'object', 'string']);
    expect(problems.filter((p) => !listed.has(p.code!)).map((p) => p.code)).toEqual([]);
    expect(problems.find((p) => p.code === 'flow.initialStatusCount')?.params).toEqual({ count: expect.any(Number) });
    expect(problems).toContainEqual({ field: '/rules/0/then/0/config/template', code: 'flow.templateUnknown', params: { template: 'application-received' }, message: 'there is no message template "application-received"' });
  });

  it('gives a listed, translated code and params with every form publish problem', () => {
    // Texts missing, a field unbounded, an order naming no field, a schema that does not compile; then nothing right at all.
    const draft = signupDraft();
    delete (draft.translations.en as Record<string, unknown>).party;
    draft.title = { da: 'Tilmelding' } as never;
    delete (draft.schema.properties.name as Record<string, unknown>).maxLength;
    draft.uiSchema['ui:order'].push('shoeSize');
    const broken = signupDraft();
    (broken.schema.properties.phone as Record<string, unknown>).format = 'no-such-format';
    const problems = [...publishProblems(draft), ...publishProblems(broken), ...publishProblems({ kind: 'nonsense' })];
    expect(problems.length).toBeGreaterThan(5);
    expect(problems.filter((p) => typeof p.code !== 'string' || !listed.has(p.code) || typeof p.params !== 'object').map((p) => `${p.field} ${p.code}`)).toEqual([]);
  });

  it('names suggested scenarios and preview warnings by listed, translated codes', () => {
    const def = loadBuiltinFlow('application.flow.json') as FlowDefinition;
    const scenarios = suggestScenarios(def);
    expect(scenarios.map((s) => s.code)).toContain('preview.scenario.decided');
    expect(scenarios.find((s) => s.code === 'preview.scenario.decided')?.params).toEqual({ task: 'decide', decision: expect.any(String), day: 6 });
    const ctx = { zone: 'Europe/Copenhagen', parameters: parameterDefaults(def), facts: {} };
    const warnings = [
      ...simulate(def, ctx, '2026-03-02T08:00:00.000Z', {}).warnings,
      ...simulate(def, ctx, '2026-03-02T08:00:00.000Z', { inputs: [{ after: { days: 6 }, kind: 'decide', task: 'decide', decision: 'approve' }] }, { retentionMonths: 1 }).warnings,
      ...simulate(def, ctx, '2026-03-02T08:00:00.000Z', { inputs: [{ after: { days: 6 }, kind: 'decide', task: 'nope', decision: 'x' }] }).warnings,
    ];
    expect(new Set(warnings.map((w) => w.code))).toEqual(new Set(['preview.noDeletion', 'preview.notEnded', 'preview.deletionTooLate', 'preview.decisionRefused']));
    expect(warnings.find((w) => w.code === 'preview.decisionRefused')?.params).toEqual({ task: 'nope', decision: 'x' });
    expect([...scenarios, ...warnings].filter((x) => !listed.has(x.code))).toEqual([]);
  });
});
