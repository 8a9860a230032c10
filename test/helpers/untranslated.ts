// What a browser test looks for on a page in Danish or Swedish: English sentences of a UI module's texts (five
// words or more, where the page language's text differs) and raw text keys (a key that lost its text).
import type { Page } from 'playwright-core';

/** Dotted key → text of a locale file. */
export function flatten(node: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof node === 'string') out.set(prefix, node);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/**
 * The English sentences and keys of `enTexts` found on the page, where the page shows `own` (the page language's
 * texts of the same module). With `anyUnderRoots`, also anything dotted under one of the module's top-level keys.
 */
export async function englishOrKeys(page: Page, enTexts: object, own: object, options: { anyUnderRoots?: boolean } = {}): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const en = flatten(enTexts);
  const mine = flatten(own);
  const found: string[] = [];
  for (const [key, sentence] of en) {
    if (mine.get(key) === sentence) continue;
    for (const part of sentence.split(/\{\{[^}]+\}\}|\n/).map((p) => p.trim())) if (part.split(/\s+/).length >= 5 && text.includes(part)) found.push(`English: ${part}`);
  }
  const roots = new Set(Object.keys(enTexts));
  for (const m of text.matchAll(/\b[a-z][A-Za-z-]+(?:\.[a-zA-Z_-]+){1,4}\b/g)) {
    if (en.has(m[0]) || en.has(m[0].replace(/_(one|other|DK|SE)$/, '')) || (options.anyUnderRoots && roots.has(m[0].split('.')[0]!))) found.push(`key: ${m[0]}`);
  }
  return found;
}

/** A text with its {{placeholders}} filled. */
export const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? `{{${k}}}`));
