// How the petition pages say numbers and dates: counts grouped as the language writes them, days left in words,
// dates one way per language.
import type { TFunction } from 'i18next';

export const formatNumber = (n: number, lang: string) => n.toLocaleString(lang);

/** "1.234 støtter", "1 234 röster". */
export const votesText = (t: TFunction, n: number, lang: string) => t('votes', { count: n, formatted: formatNumber(n, lang) });

/** "12 dage tilbage", "Sidste dag i dag"; nothing once closed. */
export const daysLeftText = (t: TFunction, daysLeft: number | null) => (daysLeft === null ? undefined : daysLeft === 0 ? t('lastDay') : t('daysLeft', { count: daysLeft }));

export const formatDate = (iso: string, lang: string) => new Date(iso).toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' });

/** A calendar day (YYYY-MM-DD) as the language writes it, short. */
export const formatDay = (day: string, lang: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });

export const formatBytes = (bytes: number, lang: string) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(lang)} KB` : `${(bytes / (1024 * 1024)).toLocaleString(lang, { maximumFractionDigits: 1 })} MB`;

/** The wait a 429 asked for, in minutes or hours. */
export const waitText = (t: TFunction, seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes < 120 ? t('propose.minutes', { count: minutes }) : t('propose.hours', { count: Math.ceil(minutes / 60) });
};

/** The token of an e-mail link: after `#`, so it never reaches a server log. */
export const tokenFromHash = (hash: string): string | undefined => {
  let token: string;
  try {
    token = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
};
