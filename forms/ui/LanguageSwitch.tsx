import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, LOCALES } from './i18n';

/** A labelled select: each language named in itself, so a reader of any of them finds their own. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{t('language.label')}</label>{' '}
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => {
          if (isLocale(e.target.value)) void i18n.changeLanguage(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.names.${l}`, { lng: l })}
          </option>
        ))}
      </select>
    </div>
  );
}
