// Every action the platform and the modules write to the audit log has a text in da, sv and en
// (`auditActions.<action>` in the admin site's locale files), and so has every kind of thing a row is about
// (`auditEntities.<entityType>`), so the audit log page never shows a key (issue 13). They are collected from
// the source as written: `action: '<area>.<verb>'` and `entityType: '<type>'` anywhere in engine/ (the modules
// included), plus the one action built from a flow action's name (extend-deadline.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LANGUAGES = ['da', 'sv', 'en'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const written = new Set<string>();
const entityTypes = new Set<string>();
for (const file of sourceFiles('engine')) {
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/\baction: '([a-zA-Z]+\.[a-zA-Z]+)'/g)) written.add(m[1]!);
  for (const m of source.matchAll(/\bentityType: '([a-zA-Z]+)'/g)) entityTypes.add(m[1]!);
}
// extend-deadline.ts writes `flowInstance.${input.action}`: the action is extendDeadline.
written.add('flowInstance.extendDeadline');

it('finds the actions (a change in how they are written must not empty this test)', () => {
  expect(written.size).toBeGreaterThan(25);
  expect(written).toContain('tenant.created');
  expect(written).toContain('flowTask.decided');
});

it.each(LANGUAGES)('has a text for every audit action in %s', (lang) => {
  const texts = JSON.parse(readFileSync(join('admin-ui', 'src', 'locales', `${lang}.json`), 'utf8')) as { auditActions: Record<string, Record<string, string>> };
  const missing = [...written].filter((action) => {
    const [area = '', verb = ''] = action.split('.');
    return !texts.auditActions[area]?.[verb];
  });
  expect(missing.sort()).toEqual([]);
});

it.each(LANGUAGES)('names every kind of thing a row is about in %s', (lang) => {
  const texts = JSON.parse(readFileSync(join('admin-ui', 'src', 'locales', `${lang}.json`), 'utf8')) as { auditEntities: Record<string, string> };
  expect(entityTypes.size).toBeGreaterThan(5);
  expect([...entityTypes].filter((type) => !texts.auditEntities[type]).sort()).toEqual([]);
});
