import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { loginUrl } from '../../../forms/ui/session';
import { useSite } from '../../../forms/ui/site';
import { meQuery } from '../api/queries';
import { Loading, ProblemAlert } from '../components/QueryState';
import { MyConsents } from './MyConsents';
import { PUBLIC_MODULES } from '../modules';

/** "My profile": who the e-ID login says you are, the sections the modules add (what I sent, …), my consents. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { tenant, actor } = useSite();
  const me = useQuery({ ...meQuery(), enabled: actor.kind === 'user' });
  const masked = me.data?.personalNumberMasked;
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
      {/* The personal number joins the list above when it has come; a list holds only its terms and details. */}
      {me.isPending ? <Loading /> : me.isError ? <ProblemAlert error={me.error} /> : null}
      {PUBLIC_MODULES.flatMap((m) => (m.profileSections ?? []).map((Section, i) => <Section key={`${m.name}-${i}`} />))}
      <MyConsents />
    </article>
  );
}
