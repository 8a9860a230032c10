import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../../forms/ui/problem';
import { loginUrl } from '../../../forms/ui/session';
import { useSite } from '../../../forms/ui/site';
import { MyConsents } from './MyConsents';
import { MySubmissions } from './MySubmissions';

/** "My profile": who the e-ID login says you are. Election and petition details join it in later issues. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { tenant, actor } = useSite();
  const [masked, setMasked] = useState<string | null>(null);
  useEffect(() => {
    if (actor.kind === 'user') getJson<{ personalNumberMasked: string | null }>('/api/me').then((me) => setMasked(me.personalNumberMasked), () => setMasked(null));
  }, [actor.kind]);
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
        {masked ? (
          <>
            <dt>{t(tenant.country === 'DK' ? 'profile.cpr' : 'profile.personnummer')}</dt>
            <dd>{masked}</dd>
          </>
        ) : null}
        <dt>{t('profile.loggedInWith')}</dt>
        <dd>{t(tenant.country === 'DK' ? 'profile.mitid' : 'profile.swedishEid')}</dd>
      </dl>
      <MySubmissions />
      <MyConsents />
    </article>
  );
}
