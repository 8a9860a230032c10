// The municipality's accessibility statement as its own page (/accessibility), when the administrators wrote
// its text here rather than linking to it elsewhere; markdown, raw HTML not rendered. Loaded only on this page.
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import { isLocale } from '../../../forms/ui/i18n';
import { useSite } from '../../../forms/ui/site';
import { NotFoundPage } from './NotFoundPage';

export function AccessibilityPage() {
  const { t, i18n } = useTranslation();
  const { tenant } = useSite();
  const statement = tenant.accessibilityStatement;
  if (!statement) return <NotFoundPage />;
  if ('url' in statement) {
    return (
      <article>
        <h1>{t('accessibility.heading')}</h1>
        <p>
          <a href={statement.url}>{t('accessibility.elsewhere')}</a>
        </p>
      </article>
    );
  }
  // The statement in the visitor's language, else the tenant's, else whichever was written.
  const lang = isLocale(i18n.language) ? i18n.language : tenant.defaultLocale;
  const own = statement.text[lang];
  const text = own ?? statement.text[tenant.defaultLocale] ?? Object.values(statement.text)[0] ?? '';
  const textLang = own ? undefined : statement.text[tenant.defaultLocale] ? tenant.defaultLocale : Object.keys(statement.text)[0];
  return (
    <article>
      <h1>{t('accessibility.heading')}</h1>
      <div className="accessibility-statement" lang={textLang}>
        <Markdown components={{ h1: 'h2' }}>{text}</Markdown>
      </div>
    </article>
  );
}
