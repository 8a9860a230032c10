// One i18n setup (i18next + react-i18next) for both sites: the tenant's language is the default, the
// visitor's choice is remembered in localStorage, and <html lang> always follows the language shown.
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LOCALES = ['da', 'sv', 'en'] as const;
export type UiLocale = (typeof LOCALES)[number];
const STORAGE_KEY = 'tingvalla.locale';

export function isLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function storedLocale(): UiLocale | undefined {
  const value = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isLocale(value) ? value : undefined;
}

export async function initI18n(resources: Resource, defaultLocale: UiLocale): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: storedLocale() ?? defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  });
  return i18next;
}
