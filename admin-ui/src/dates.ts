// Dates and times shown one way per language on every admin page: the language's short date with hours and
// minutes (no seconds — no page needs them to the second; the audit log keeps its own seconds).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(locale);
  if (!format) cache.set(locale, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export const formatDateTime = (at: string | Date, locale: string): string => cached(dateTimeFormats, locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));

export const formatDate = (at: string | Date, locale: string): string => cached(dateFormats, locale, { dateStyle: 'medium' }).format(new Date(at));
