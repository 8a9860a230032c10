// The place of the election wizard (creating an election in steps): the shell's "create an election" links here.
// A placeholder until the wizard's own page replaces this file.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ELECTION_PATHS } from './paths';

export default function NewElectionPage() {
  const { t } = useTranslation('election');
  return (
    <section>
      <h1>{t('nav.newElection')}</h1>
      <p>{t('placeholder.newElection')}</p>
      <p>
        <Link to={ELECTION_PATHS.elections}>{t('placeholder.backToElections')}</Link>
      </p>
    </section>
  );
}
