// Everything a citizen can do on the site, from every module (the same list as the front page's).
import { useTranslation } from 'react-i18next';
import { ServiceList } from '../components/ServiceList';

export function ServicesPage() {
  const { t } = useTranslation();
  return (
    <article>
      <h1>{t('services.heading')}</h1>
      <p className="font-lead">{t('services.intro')}</p>
      <ServiceList heading="h2" />
    </article>
  );
}
