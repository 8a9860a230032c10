// Every text of a site exists in each of its languages: the locale files of an app have the same keys (a key
// missing in one language would show the raw key, or another language's sentence, on that language's page).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LANGUAGES = ['da', 'sv', 'en'] as const;

/** Dotted key paths of a nested locale object (`submissions.erased`). */
function keysOf(node: unknown, prefix = ''): string[] {
  if (!node || typeof node !== 'object') return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe.each(['admin-ui', 'public-ui'])('%s', (app) => {
  const keys = Object.fromEntries(LANGUAGES.map((lang) => [lang, new Set(keysOf(JSON.parse(readFileSync(join(app, 'src', 'locales', `${lang}.json`), 'utf8'))))]));

  it.each(LANGUAGES)('has every key of the other languages in %s, and no empty text', (lang) => {
    const others = LANGUAGES.filter((l) => l !== lang).flatMap((l) => [...keys[l]!]);
    expect([...new Set(others)].filter((k) => !keys[lang]!.has(k)).sort()).toEqual([]);
    const texts = JSON.parse(readFileSync(join(app, 'src', 'locales', `${lang}.json`), 'utf8')) as unknown;
    const empty = keysOf(texts).filter((k) => k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], texts) === '');
    expect(empty).toEqual([]);
  });
});
