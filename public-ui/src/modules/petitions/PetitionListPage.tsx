// /petitions — the published petitions: open for support, being handled (closed, awaiting or in handling) or
// answered, searched by words and sorted (newest, most support, closing soon), a page at a time. The filters
// live in the address (?state=open&q=…&sort=votes&page=2), so a list can be linked and Back returns to it.
import { useQuery } from '@tanstack/react-query';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { PetitionListItem } from '../../../../schemas/types/petitions-list';
import { QueryState } from '../../components/QueryState';
import { PAGE_SIZE, petitionListQuery, type ListFilters } from './queries';
import { daysLeftText, formatDate, votesText } from './texts';
import './petitions.css';

const STATES = ['open', 'handling', 'answered', 'all'] as const;
const SORTS = ['newest', 'votes', 'closing'] as const;

function filtersOf(params: URLSearchParams): ListFilters {
  const state = STATES.find((s) => s === params.get('state')) ?? 'open';
  const sort = SORTS.find((s) => s === params.get('sort')) ?? 'newest';
  const page = Math.min(5000, Math.max(1, Math.floor(Number(params.get('page')) || 1)));
  return { state, sort, page, q: (params.get('q') ?? '').slice(0, 200) };
}

function addressOf(f: ListFilters): string {
  const params = new URLSearchParams();
  if (f.state !== 'open') params.set('state', f.state);
  if (f.q) params.set('q', f.q);
  if (f.sort !== 'newest') params.set('sort', f.sort);
  if (f.page > 1) params.set('page', String(f.page));
  const query = params.toString();
  return query ? `/petitions?${query}` : '/petitions';
}

export function PetitionListPage() {
  const { t } = useTranslation('petitions');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filters = filtersOf(params);
  const list = useQuery(petitionListQuery(filters));
  const searchId = useId();
  const sortId = useId();

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = filtersOf(new URLSearchParams({ state: filters.state, q: String(data.get('q') ?? '').trim(), sort: String(data.get('sort') ?? 'newest') }));
    void navigate(addressOf(next));
  };

  return (
    <article className="petitions">
      <h1>{t('list.heading')}</h1>
      <p className="font-lead">{t('list.intro')}</p>
      <p>
        <Link to="/petitions/new" className="button button-primary">
          {t('list.propose')}
        </Link>
      </p>

      <nav className="petition-states" aria-label={t('list.states.label')}>
        <ul className="nobullet-list no-max-width">
          {STATES.map((state) => (
            <li key={state}>
              <Link to={addressOf({ ...filters, state, page: 1 })} aria-current={filters.state === state ? 'true' : undefined} className={filters.state === state ? 'current' : undefined}>
                {t(`list.states.${state}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {/* key: the fields start again from the address when it changes (a tab, Back). */}
      <form className="petition-filters" role="search" onSubmit={apply} key={`${filters.q}|${filters.sort}`}>
        <div className="form-group">
          <label className="form-label" htmlFor={searchId}>
            {t('list.search')}
          </label>
          <input className="form-input" id={searchId} name="q" type="search" maxLength={200} defaultValue={filters.q} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor={sortId}>
            {t('list.sort')}
          </label>
          <select className="form-select" id={sortId} name="sort" defaultValue={filters.sort}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`list.sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group petition-filters-submit">
          <button type="submit" className="button button-secondary">
            {t('list.apply')}
          </button>
        </div>
      </form>

      <QueryState query={list}>
        {(page) => {
          const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
          return (
            <>
              <p className="petition-count" role="status">
                {t('list.count', { count: page.total })}
              </p>
              {page.items.length === 0 ? (
                <p>{t('list.none')}</p>
              ) : (
                <ul className="petition-cards nobullet-list no-max-width">
                  {page.items.map((p) => (
                    <PetitionCard key={p.id} petition={p} />
                  ))}
                </ul>
              )}
              {pages > 1 ? (
                <nav className="petition-pages" aria-label={t('list.pages')}>
                  {filters.page > 1 ? <Link to={addressOf({ ...filters, page: filters.page - 1 })}>{t('list.previous')}</Link> : null}
                  <span>{t('list.page', { page: filters.page, pages })}</span>
                  {filters.page < pages ? <Link to={addressOf({ ...filters, page: filters.page + 1 })}>{t('list.next')}</Link> : null}
                </nav>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </article>
  );
}

function PetitionCard({ petition: p }: { petition: PetitionListItem }) {
  const { t, i18n } = useTranslation('petitions');
  const when =
    p.status === 'open'
      ? daysLeftText(t, p.daysLeft)
      : p.status === 'answered' && p.answeredAt
        ? t('list.answeredOn', { date: formatDate(p.answeredAt, i18n.language) })
        : p.closedAt
          ? t('list.closedOn', { date: formatDate(p.closedAt, i18n.language) })
          : undefined;
  return (
    <li className="petition-card">
      <h2 className="h3 petition-card-title">
        <Link to={`/petitions/${p.id}`}>{p.title}</Link>
      </h2>
      <p className="petition-card-summary">{p.summary}</p>
      <p className="petition-card-meta">
        <span className={`petition-status petition-status-${p.status}`}>{t(`status.${p.status}`)}</span>
        <span>{votesText(t, p.votes, i18n.language)}</span>
        {when ? <span>{when}</span> : null}
      </p>
    </li>
  );
}
