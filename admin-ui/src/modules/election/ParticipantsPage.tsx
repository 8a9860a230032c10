// The place of the participants' list in the module's navigation. A placeholder until the participants' own
// page replaces this file.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ELECTION_PATHS } from './paths';

export default function ParticipantsPage() {
  const { t } = useTranslation('election');
  return (
    <section>
      <h1>{t('nav.participants')}</h1>
      <p>{t('placeholder.participants')}</p>
      <p>
        <Link to={ELECTION_PATHS.config}>{t('placeholder.toConfig')}</Link>
      </p>
    </section>
  );
}
