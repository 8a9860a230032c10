// Every text of a site exists in each of its languages: the locale files of an app (and of each of its modules) have the same keys (a key
// missing in one language would show the raw key, or another language's sentence, on that language's page).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LANGUAGES = ['da', 'sv', 'en'] as const;

/** Dotted key paths of a nested locale object (`submissions.erased`). */
function keysOf(node: unknown, prefix = ''): string[] {
  if (!node || typeof node !== 'object') return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

/** Each app's own locale folder and each of its modules' (src/modules/<name>/locales). */
const localeFolders = ['admin-ui', 'public-ui'].flatMap((app) => [
  join(app, 'src', 'locales'),
  ...(existsSync(join(app, 'src', 'modules')) ? readdirSync(join(app, 'src', 'modules')).map((m) => join(app, 'src', 'modules', m, 'locales')).filter((d) => existsSync(d)) : []),
]);

describe.each(localeFolders)('%s', (folder) => {
  const keys = Object.fromEntries(LANGUAGES.map((lang) => [lang, new Set(keysOf(JSON.parse(readFileSync(join(folder, `${lang}.json`), 'utf8'))))]));

  it.each(LANGUAGES)('has every key of the other languages in %s, and no empty text', (lang) => {
    const others = LANGUAGES.filter((l) => l !== lang).flatMap((l) => [...keys[l]!]);
    expect([...new Set(others)].filter((k) => !keys[lang]!.has(k)).sort()).toEqual([]);
    const texts = JSON.parse(readFileSync(join(folder, `${lang}.json`), 'utf8')) as unknown;
    const empty = keysOf(texts).filter((k) => k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], texts) === '');
    expect(empty).toEqual([]);
  });
});
