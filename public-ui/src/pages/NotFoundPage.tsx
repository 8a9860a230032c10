import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <article>
      <h1>{t('notFound.heading')}</h1>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </article>
  );
}
