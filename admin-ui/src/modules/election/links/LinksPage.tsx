// The task links of the election the site works in: a form that makes one of the three kinds — filtered vacant
// tasks (teams, dates, areas, work locations, task types, each a multi-select; trusted task types are never
// offered), a team's vacant tasks, or one vacant task — and the links made, newest first: what each offers and how
// many vacant tasks that is now, when it was made and expires, whether it still works, its URL with a copy button
// and its QR code, a poster of it to print, and revoking it (asked first).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../dates';
import { Loading } from '../../../components/QueryState';
import { configListQuery, type ElectionListItem } from '../api';
import { tasksQuery, isVacant } from '../slots/api';
import { formatDay, RefusalAlert, taskDays, WithElection } from '../slots/shared';
import { createLink, LINK_KINDS, linkKeys, linksQuery, revokeLink, type Link, type LinkInput, type LinkKind } from './api';
import './links.css';

export default function LinksPage() {
  const { t } = useTranslation('election');
  return (
    <section className="links-page">
      <h1>{t('links.heading')}</h1>
      <WithElection>{(election) => <Links election={election} />}</WithElection>
    </section>
  );
}

function Links({ election }: { election: ElectionListItem }) {
  const { t, i18n } = useTranslation('election');
  const query = useQuery(linksQuery(election.id));
  const [status, setStatus] = useState('');
  return (
    <>
      <p className="election-subject">{election.title}</p>
      <p>{t('links.intro')}</p>
      <p role="status" className="election-status" data-testid="links-status">
        {status}
      </p>
      <CreateForm election={election} onCreated={() => setStatus(t('links.created'))} />
      <h2>{t('links.listHeading')}</h2>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <RefusalAlert error={query.error} />
      ) : query.data.items.length === 0 ? (
        <p className="table-empty">{t('links.none')}</p>
      ) : (
        <>
          <p data-testid="link-count">{t('links.count', { count: query.data.total, n: query.data.total.toLocaleString(i18n.language) })}</p>
          <ul className="link-cards">
            {query.data.items.map((link) => (
              <LinkCard key={link.id} link={link} electionId={election.id} onStatus={setStatus} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The ids chosen in a multi-select. */
const chosen = (select: HTMLSelectElement) => [...select.selectedOptions].map((o) => o.value);

function MultiSelect({ label, hint, options, value, onChange }: { label: string; hint: string; options: { value: string; label: string }[]; value: string[]; onChange: (v: string[]) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <select id={id} multiple size={Math.min(6, Math.max(3, options.length))} aria-describedby={`${id}-hint`} value={value} onChange={(e) => onChange(chosen(e.currentTarget))}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface Draft {
  kind: LinkKind;
  teamIds: string[];
  dates: string[];
  areaIds: string[];
  workLocationIds: string[];
  taskTypeIds: string[];
  teamId: string;
  workLocationId: string;
  slotId: string;
}

const EMPTY: Draft = { kind: 'tasks', teamIds: [], dates: [], areaIds: [], workLocationIds: [], taskTypeIds: [], teamId: '', workLocationId: '', slotId: '' };

function inputOf(d: Draft): LinkInput {
  if (d.kind === 'team') return { kind: 'team', teamId: d.teamId };
  if (d.kind === 'task') return { kind: 'task', slotId: d.slotId };
  return { kind: 'tasks', filters: { teamIds: d.teamIds, dates: d.dates, areaIds: d.areaIds, workLocationIds: d.workLocationIds, taskTypeIds: d.taskTypeIds } };
}

function CreateForm({ election, onCreated }: { election: ElectionListItem; onCreated: () => void }) {
  const { t, i18n } = useTranslation('election');
  const client = useQueryClient();
  const teams = useQuery(configListQuery('teams'));
  const areas = useQuery(configListQuery('areas'));
  const places = useQuery(configListQuery('work-locations'));
  const types = useQuery(configListQuery('task-types'));
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const slots = useQuery({ ...tasksQuery(election.id, draft.workLocationId), enabled: draft.kind === 'task' && draft.workLocationId !== '' });
  const make = useMutation({
    mutationFn: () => createLink(election.id, inputOf(draft)),
    onSuccess: async () => {
      setDraft((d) => ({ ...EMPTY, kind: d.kind }));
      await client.invalidateQueries({ queryKey: linkKeys.list(election.id) });
      onCreated();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    make.mutate();
  };
  const id = useId();
  const ordinaryTypes = (types.data ?? []).filter((tt) => !tt.trusted);
  const vacantSlots = (slots.data?.slots ?? []).filter(isVacant);
  const ready = draft.kind === 'tasks' || (draft.kind === 'team' ? draft.teamId !== '' : draft.slotId !== '');
  return (
    <form className="link-create" aria-labelledby={`${id}-heading`} onSubmit={submit}>
      <h2 id={`${id}-heading`}>{t('links.create.heading')}</h2>
      <fieldset>
        <legend>{t('links.create.kind')}</legend>
        {LINK_KINDS.map((kind) => (
          <div className="radio-row" key={kind}>
            <input id={`${id}-${kind}`} type="radio" name="kind" value={kind} checked={draft.kind === kind} onChange={() => set('kind', kind)} aria-describedby={`${id}-${kind}-hint`} />
            <label htmlFor={`${id}-${kind}`}>{t(`links.kind.${kind}`)}</label>
            <p className="hint" id={`${id}-${kind}-hint`}>
              {t(`links.create.kindHint.${kind}`)}
            </p>
          </div>
        ))}
      </fieldset>
      {draft.kind === 'tasks' ? (
        <div className="link-filters">
          <MultiSelect label={t('links.filters.teams')} hint={t('links.filters.allWhenNone')} options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} value={draft.teamIds} onChange={(v) => set('teamIds', v)} />
          <MultiSelect label={t('links.filters.dates')} hint={t('links.filters.allWhenNone')} options={taskDays(election).map((d) => ({ value: d, label: formatDay(d, i18n.language) }))} value={draft.dates} onChange={(v) => set('dates', v)} />
          <MultiSelect label={t('links.filters.areas')} hint={t('links.filters.allWhenNone')} options={(areas.data ?? []).map((x) => ({ value: x.id, label: x.name }))} value={draft.areaIds} onChange={(v) => set('areaIds', v)} />
          <MultiSelect
            label={t('links.filters.workLocations')}
            hint={t('links.filters.allWhenNone')}
            options={(places.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={draft.workLocationIds}
            onChange={(v) => set('workLocationIds', v)}
          />
          <MultiSelect label={t('links.filters.taskTypes')} hint={t('links.filters.trustedNever')} options={ordinaryTypes.map((x) => ({ value: x.id, label: x.title }))} value={draft.taskTypeIds} onChange={(v) => set('taskTypeIds', v)} />
        </div>
      ) : draft.kind === 'team' ? (
        <div className="field">
          <label htmlFor={`${id}-team`}>{t('links.filters.team')}</label>
          <select id={`${id}-team`} value={draft.teamId} onChange={(e) => set('teamId', e.target.value)} required>
            <option value="">{t('links.create.choose')}</option>
            {(teams.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-place`}>{t('links.filters.workLocation')}</label>
            <select id={`${id}-place`} value={draft.workLocationId} onChange={(e) => setDraft((d) => ({ ...d, workLocationId: e.target.value, slotId: '' }))}>
              <option value="">{t('links.create.choose')}</option>
              {(places.data ?? []).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          {draft.workLocationId ? (
            slots.isPending ? (
              <Loading />
            ) : slots.isError ? (
              <RefusalAlert error={slots.error} />
            ) : (
              <div className="field">
                <label htmlFor={`${id}-slot`}>{t('links.filters.slot')}</label>
                {vacantSlots.length === 0 ? <p className="hint">{t('links.create.noVacant')}</p> : null}
                <select id={`${id}-slot`} value={draft.slotId} onChange={(e) => set('slotId', e.target.value)} required>
                  <option value="">{t('links.create.choose')}</option>
                  {vacantSlots.map((s) => (
                    <option key={s.id} value={s.id}>
                      {`${formatDay(s.date, i18n.language)} · ${s.taskType.title} · ${s.team.name}`}
                    </option>
                  ))}
                </select>
              </div>
            )
          ) : null}
        </>
      )}
      {make.isError ? <RefusalAlert error={make.error} /> : null}
      <button type="submit" disabled={make.isPending || !ready}>
        {t('links.create.submit')}
      </button>
    </form>
  );
}

/** What a link offers, in words. */
function Offers({ link }: { link: Link }) {
  const { t, i18n } = useTranslation('election');
  if (link.kind === 'task')
    return link.slot ? (
      <p>{t('links.offers.task', { date: formatDay(link.slot.date, i18n.language), taskType: link.slot.taskType.name, workLocation: link.slot.workLocation.name, team: link.slot.team.name })}</p>
    ) : (
      <p>{t('links.offers.taskGone')}</p>
    );
  if (link.kind === 'team') return <p>{t('links.offers.team', { team: link.team?.name ?? '' })}</p>;
  const f = link.filters!;
  const parts: [string, string[]][] = [
    ['teams', f.teams.map((x) => x.name)],
    ['dates', f.dates.map((d) => formatDay(d, i18n.language))],
    ['areas', f.areas.map((x) => x.name)],
    ['workLocations', f.workLocations.map((x) => x.name)],
    ['taskTypes', f.taskTypes.map((x) => x.name)],
  ];
  const named = parts.filter(([, v]) => v.length > 0);
  return (
    <>
      <p>{t('links.offers.tasks')}</p>
      {named.length === 0 ? (
        <p className="hint">{t('links.offers.everything')}</p>
      ) : (
        <dl className="link-filter-list">
          {named.map(([key, values]) => (
            <div key={key}>
              <dt>{t(`links.filters.${key}`)}</dt>
              <dd>{values.join(', ')}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

function LinkCard({ link, electionId, onStatus }: { link: Link; electionId: string; onStatus: (s: string) => void }) {
  const { t, i18n } = useTranslation('election');
  const client = useQueryClient();
  const [printing, setPrinting] = useState(false);
  const revoke = useMutation({
    mutationFn: () => revokeLink(electionId, link.id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: linkKeys.list(electionId) });
      onStatus(t('links.revoked'));
    },
  });
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    document.documentElement.classList.add('links-printing');
    window.print();
    return () => {
      window.removeEventListener('afterprint', done);
      document.documentElement.classList.remove('links-printing');
    };
  }, [printing]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      onStatus(t('links.copied'));
    } catch {
      window.prompt(t('links.copyYourself'), link.url);
    }
  };
  const headingId = `link-${link.id}`;
  const active = link.status === 'active';
  return (
    <li className={`link-card${printing ? ' link-printing' : ''}`} data-link={link.id} data-kind={link.kind} data-status={link.status}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{t(`links.kind.${link.kind}`)}</h3>
        <div className="link-card-body">
          <div className="link-card-text">
            <Offers link={link} />
            <p className={`link-status link-status-${link.status}`}>
              {t(`links.status.${link.status}`)}
              {active ? ` · ${t('links.vacant', { count: link.vacant, n: link.vacant.toLocaleString(i18n.language) })}` : ''}
            </p>
            <p className="link-dates">
              {t('links.createdAt', { at: formatDateTime(link.createdAt, i18n.language) })}
              <br />
              {link.revokedAt ? t('links.revokedAt', { at: formatDateTime(link.revokedAt, i18n.language) }) : t('links.expiresAt', { at: formatDateTime(link.expiresAt, i18n.language) })}
            </p>
          </div>
          {link.qrSvg && active ? <img className="link-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`} alt={t('links.qrAlt')} width={180} height={180} /> : null}
        </div>
        {link.url ? (
          <div className="field link-url">
            <label htmlFor={`${headingId}-url`}>{t('links.url')}</label>
            <input id={`${headingId}-url`} type="text" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          </div>
        ) : (
          <p className="hint">{t('links.noPublicHost')}</p>
        )}
        {active ? (
          <div className="link-actions">
            {link.url ? (
              <>
                <button type="button" className="button-secondary" onClick={() => void copy()}>
                  {t('links.copy')}
                </button>
                <button type="button" className="button-secondary" onClick={() => setPrinting(true)}>
                  {t('links.print')}
                </button>
              </>
            ) : null}
            <button
              type="button"
              className="button-danger"
              disabled={revoke.isPending}
              onClick={() => {
                if (window.confirm(t('links.revokeConfirm'))) revoke.mutate();
              }}
            >
              {t('links.revoke')}
            </button>
          </div>
        ) : null}
        {revoke.isError ? <RefusalAlert error={revoke.error} /> : null}
      </article>
    </li>
  );
}
