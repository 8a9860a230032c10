// The configuration's front page: each kind with a sentence on what it is for, and the public site's pages.
// The kinds are the same for every election of the tenant (the elections choose among them).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONFIG_KINDS } from '../api';
import { configListPath, ELECTION_PATHS } from '../paths';

export function ConfigIndexPage() {
  const { t } = useTranslation('election');
  return (
    <section>
      <h1>{t('config.heading')}</h1>
      <p>{t('config.intro')}</p>
      <ul className="election-config-index">
        {CONFIG_KINDS.map((kind) => (
          <li key={kind}>
            <Link to={configListPath(kind)}>{t(`kinds.${kind}.heading`)}</Link>
            <p>{t(`kinds.${kind}.intro`)}</p>
          </li>
        ))}
        <li>
          <Link to={ELECTION_PATHS.site}>{t('site.heading')}</Link>
          <p>{t('site.intro')}</p>
        </li>
      </ul>
    </section>
  );
}
