// The petitions' refusal codes (`petition.*` in field errors) have their texts in the admin site's three
// languages, like the platform's codes (test/integration/problem-codes.test.ts), and so do the ones the source
// writes; the audit actions are covered by test/integration/audit-action-texts.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PETITION_PROBLEM_CODES } from '../../engine/modules/petitions/errors';
import { PETITION_FLOW_EVENTS } from '../../engine/modules/petitions/flow-events';

const LANGUAGES = ['da', 'sv', 'en'] as const;
const codes = Object.fromEntries(LANGUAGES.map((l) => [l, (JSON.parse(readFileSync(join('admin-ui', 'src', 'locales', `${l}.json`), 'utf8')) as { codes: { petition?: Record<string, string> } }).codes.petition ?? {}]));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

it.each(LANGUAGES)('has a text in %s for every petition code', (lang) => {
  expect(PETITION_PROBLEM_CODES.filter((c) => !codes[lang]![c.split('.')[1]!])).toEqual([]);
});

it('lists every petition code the module writes', () => {
  const written = new Set(sources('engine/modules/petitions').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'(petition\.[a-zA-Z]+)'/g)].map((m) => m[1]!)));
  // The events the flow is told (flow-events.ts) and the audit actions (their texts: audit-action-texts.test.ts) are not refusal codes.
  const notCodes = new Set<string>(PETITION_FLOW_EVENTS);
  const auditActions = new Set(Object.keys((JSON.parse(readFileSync(join('admin-ui', 'src', 'locales', 'en.json'), 'utf8')) as { auditActions: { petition: Record<string, string> } }).auditActions.petition).map((a) => `petition.${a}`));
  expect(auditActions.size).toBeGreaterThan(10);
  expect([...written].filter((c) => !notCodes.has(c) && !auditActions.has(c) && !(PETITION_PROBLEM_CODES as readonly string[]).includes(c))).toEqual([]);
});

it('fills the same params into each code’s text in every language', () => {
  const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
  for (const code of PETITION_PROBLEM_CODES) {
    const key = code.split('.')[1]!;
    expect([code, new Set(LANGUAGES.map((l) => params(codes[l]![key] ?? ''))).size]).toEqual([code, 1]);
  }
});
