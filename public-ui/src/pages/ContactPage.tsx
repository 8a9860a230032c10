import { useTranslation } from 'react-i18next';
import { useSite } from '../../../forms/ui/site';

export function ContactPage() {
  const { t } = useTranslation();
  const { tenant } = useSite();
  const { contact } = tenant;
  return (
    <article>
      <h1>{t('contact.heading')}</h1>
      <p>{t('contact.intro', { name: tenant.name })}</p>
      <dl className="contact-list">
        <dt>{t('contact.email')}</dt>
        <dd>
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </dd>
        <dt>{t('contact.phone')}</dt>
        <dd>
          <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</a>
        </dd>
        <dt>{t('contact.address')}</dt>
        <dd>{contact.address}</dd>
        {contact.openingHours ? (
          <>
            <dt>{t('contact.openingHours')}</dt>
            <dd>{contact.openingHours}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
