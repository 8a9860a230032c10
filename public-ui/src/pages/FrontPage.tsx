import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isLocale } from '../../../forms/ui/i18n';
import { useSite } from '../../../forms/ui/site';
import { ServiceList } from '../components/ServiceList';

export function FrontPage() {
  const { t, i18n } = useTranslation();
  const { tenant } = useSite();
  // The tenant writes its own front page text; fall back to its default language where a translation is missing.
  const lang = isLocale(i18n.language) ? i18n.language : tenant.defaultLocale;
  const text = tenant.frontPage[lang] ?? tenant.frontPage[tenant.defaultLocale];
  return (
    <article>
      <h1>{text?.heading ?? tenant.name}</h1>
      {text?.intro ? <p className="font-lead">{text.intro}</p> : null}
      {/* What the municipality offers here, from every module (the services page lists the same). */}
      <section aria-labelledby="front-services">
        <h2 id="front-services">{t('front.servicesHeading')}</h2>
        <ServiceList heading="h3" />
      </section>
      <p>
        <Link to="/contact" className="button button-secondary">
          {t('front.contactLink')}
        </Link>
      </p>
    </article>
  );
}
