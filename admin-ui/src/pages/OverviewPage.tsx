import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSite } from '../../../forms/ui/site';

export function OverviewPage() {
  const { t } = useTranslation();
  const { tenant } = useSite();
  return (
    <section>
      <h1>{t('overview.heading', { name: tenant.name })}</h1>
      <p>{t('overview.intro')}</p>
      <ul className="card-list">
        <li>
          <Link to="/audit-log">{t('nav.auditLog')}</Link> – {t('overview.auditLog')}
        </li>
        <li>
          <Link to="/settings/contact">{t('nav.contact')}</Link> – {t('overview.contact')}
        </li>
      </ul>
    </section>
  );
}
