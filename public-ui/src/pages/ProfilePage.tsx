import { useTranslation } from 'react-i18next';
import { loginUrl } from '../../../forms/ui/session';
import { useSite } from '../../../forms/ui/site';

/** "My profile": who the e-ID login says you are. Election and petition details join it in later issues. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { tenant, actor } = useSite();
  if (actor.kind !== 'user') {
    return (
      <article>
        <h1>{t('profile.heading')}</h1>
        <p>{t('profile.loginFirst')}</p>
        <p>
          <a className="button button-primary" href={loginUrl('/profile')}>
            {t('login')}
          </a>
        </p>
      </article>
    );
  }
  return (
    <article>
      <h1>{t('profile.heading')}</h1>
      <dl className="contact-list">
        <dt>{t('profile.name')}</dt>
        <dd>{actor.displayName}</dd>
        <dt>{t('profile.loggedInWith')}</dt>
        <dd>{t(tenant.country === 'DK' ? 'profile.mitid' : 'profile.swedishEid')}</dd>
      </dl>
    </article>
  );
}
