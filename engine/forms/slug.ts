// A readable address for a published form (/forms/tilskud-til-foreningsarrangement): made once, from the form's
// title in the tenant's language, when the form is first published, and unique within the tenant.

/** Letters Danish and Swedish titles use that Unicode does not decompose into a base letter and a mark. */
const SPELLED_OUT: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss', þ: 'th', ð: 'd', ł: 'l' };

/** Paths the public site's form page gives another meaning, and anything shaped like an id, are never slugs. */
const RESERVED = new Set(['showcase', 'new']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const SLUG_MAX_LENGTH = 80;

/** Lower case a–z, digits and single hyphens; Swedish å/ä/ö become a/a/o, Danish æ/ø/å ae/oe/aa. */
export function slugify(title: string, locale: string): string {
  const lower = title.toLowerCase();
  // Swedish spells å as a plain a in addresses; Danish as aa (the old spelling), as its municipalities do.
  const spelled = [...lower].map((c) => (c === 'å' && locale === 'sv' ? 'a' : (SPELLED_OUT[c] ?? c))).join('');
  const base = spelled
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
  return base === '' || RESERVED.has(base) || UUID.test(base) ? `form${base ? `-${base}` : ''}` : base;
}

/** The first of `base`, `base-2`, `base-3`, … that `taken` does not hold. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, SLUG_MAX_LENGTH - String(n).length - 1)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Whether a path segment can be a slug at all (the form page tells slugs from ids by this). */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** The title in the tenant's language, else in any language the form has. */
export function titleFor(title: { da?: string; sv?: string; en?: string } | undefined, locale: string): string {
  const texts: Record<string, string | undefined> = { ...title };
  return texts[locale] ?? Object.values(texts).find((t) => t) ?? '';
}
