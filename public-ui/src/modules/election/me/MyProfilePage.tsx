// My profile (/election/my-profile; /valg/min-profil, /val/min-profil): what the civil registry says about me
// (read-only), my phone, e-mail and special diets (editable), my data to download (JSON and a readable PDF, GDPR
// art. 15), and deleting the profile after a confirmation — not offered when the server says why not (a worked
// task: the payment needs the data; a lock period, with the day it ends).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import { isProblem } from '../../../../../forms/ui/problem';
import { useSite } from '../../../../../forms/ui/site';
import type { ElectionPublicMeProfile } from '../../../../../schemas/types/election-public-me-profile';
import { Loading } from '../../../components/QueryState';
import { formatDay, LoginFirst, MeNav, Refusal } from './common';

const KEY = ['election', 'public', 'me', 'profile'];

function Registry({ p }: { p: ElectionPublicMeProfile }) {
  const { t, i18n } = useTranslation('election');
  const r = p.registry;
  const address = r.protectedAddress ? t('me.profile.protected') : [r.address, [r.postalCode, r.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–';
  return (
    <section aria-labelledby="profile-registry">
      <h2 id="profile-registry">{t('me.profile.registry')}</h2>
      <p>{t('me.profile.registryHelp')}</p>
      <dl className="me-facts">
        <dt>{t('me.profile.name')}</dt>
        <dd>{`${r.givenName} ${r.familyName}`}</dd>
        <dt>{t('me.profile.personalNumber')}</dt>
        <dd>{r.personalNumber}</dd>
        <dt>{t('me.profile.birthDate')}</dt>
        <dd>{formatDay(r.birthDate, i18n.language)}</dd>
        <dt>{t('me.profile.address')}</dt>
        <dd>{address}</dd>
      </dl>
    </section>
  );
}

function ContactForm({ p }: { p: ElectionPublicMeProfile }) {
  const { t } = useTranslation('election');
  const client = useQueryClient();
  const [phone, setPhone] = useState(p.phone ?? '');
  const [email, setEmail] = useState(p.email ?? '');
  const [diets, setDiets] = useState<string[]>(p.dietIds);
  const [note, setNote] = useState(p.dietNote ?? '');
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [phone, email, diets, note]);
  const save = useMutation({
    mutationFn: () => apiSend<ElectionPublicMeProfile>('PATCH', '/api/election/public/me', { phone: phone.trim() || null, email: email.trim() || null, dietIds: diets, dietNote: note.trim() || null }),
    onSuccess: (next) => {
      client.setQueryData(KEY, next);
      setSaved(true);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section aria-labelledby="profile-contact">
      <h2 id="profile-contact">{t('me.profile.contact')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="form-group">
          <label className="form-label" htmlFor="me-phone">
            {t('me.profile.phone')}
          </label>
          <input className="form-input" id="me-phone" type="tel" autoComplete="tel" maxLength={20} value={phone} onChange={(e) => setPhone(e.target.value)} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="me-email">
            {t('me.profile.email')}
          </label>
          <input className="form-input" id="me-email" type="email" autoComplete="email" maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        {p.diets.length ? (
          <fieldset>
            <legend className="form-label">{t('me.profile.diets')}</legend>
            <ul className="nobullet-list">
              {p.diets.map((d) => (
                <li key={d.id} className="form-group-checkbox">
                  <input
                    className="form-checkbox"
                    type="checkbox"
                    id={`me-diet-${d.id}`}
                    checked={diets.includes(d.id)}
                    onChange={(e) => setDiets((xs) => (e.target.checked ? [...xs, d.id] : xs.filter((x) => x !== d.id)))}
                  />
                  <label htmlFor={`me-diet-${d.id}`}>{d.name}</label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        <div className="form-group">
          <label className="form-label" htmlFor="me-diet-note">
            {t('me.profile.dietNote')}
          </label>
          <textarea className="form-input" id="me-diet-note" maxLength={500} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {save.isError ? <Refusal error={save.error} /> : null}
        <div className="me-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('me.profile.save')}
          </button>
        </div>
        <p role="status">{saved ? t('me.profile.saved') : ''}</p>
      </form>
    </section>
  );
}

function DeleteProfile({ p }: { p: ElectionPublicMeProfile }) {
  const { t, i18n } = useTranslation('election');
  const client = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiSend<void>('DELETE', '/api/election/public/me'),
    onSuccess: () => client.removeQueries({ queryKey: ['election', 'public', 'me'] }),
  });
  if (remove.isSuccess)
    return (
      <div className="alert alert-success" role="status">
        <div className="alert-body">
          <p className="alert-text">{t('me.profile.deleted')}</p>
        </div>
      </div>
    );
  const d = p.deletion;
  return (
    <section aria-labelledby="profile-delete">
      <h2 id="profile-delete">{t('me.profile.deleteHeading')}</h2>
      {!d.allowed ? (
        <p data-testid="delete-refused">{d.reason === 'taskWorked' ? t('me.refusals.taskWorked') : t('me.refusals.lockPeriod', { ends: d.ends ? formatDay(d.ends, i18n.language) : '' })}</p>
      ) : (
        <>
          <p>{t('me.profile.deleteHelp')}</p>
          {remove.isError ? <Refusal error={remove.error} /> : null}
          {confirm ? (
            <div className="alert alert-warning" role="alertdialog" aria-labelledby="delete-confirm-text">
              <div className="alert-body">
                <p className="alert-text" id="delete-confirm-text">
                  {t('me.profile.deleteConfirm')}
                </p>
                <div className="me-actions">
                  <button type="button" className="button button-primary" autoFocus disabled={remove.isPending} onClick={() => remove.mutate()}>
                    {t('me.profile.deleteYes')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setConfirm(false)}>
                    {t('me.cancel')}
                  </button>
                </div>
              </div>
            </div>
          ) : (
            <div className="me-actions">
              <button type="button" className="button button-secondary" onClick={() => setConfirm(true)}>
                {t('me.profile.delete')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

export function MyProfilePage() {
  const { t } = useTranslation('election');
  const { actor } = useSite();
  const profile = useQuery({ queryKey: KEY, queryFn: ({ signal }) => apiGet<ElectionPublicMeProfile>('/api/election/public/me', { signal }), enabled: actor.kind === 'user', retry: false });
  let body;
  if (actor.kind !== 'user') body = <LoginFirst text={t('me.profile.loginFirst')} />;
  else if (profile.isPending) body = <Loading />;
  else if (isProblem(profile.error, 'not_found')) body = <p className="font-lead">{t('me.notParticipant')}</p>;
  else if (profile.isError) body = <Refusal error={profile.error} />;
  else
    body = (
      <>
        <Registry p={profile.data} />
        <ContactForm p={profile.data} />
        <section aria-labelledby="profile-data">
          <h2 id="profile-data">{t('me.profile.dataHeading')}</h2>
          <p>{t('me.profile.dataHelp')}</p>
          <ul className="nobullet-list me-actions">
            <li>
              <a className="button button-secondary" href="/api/election/public/me/data.pdf" download>
                {t('me.profile.dataPdf')}
              </a>
            </li>
            <li>
              <a className="button button-secondary" href="/api/election/public/me/data.json" download>
                {t('me.profile.dataJson')}
              </a>
            </li>
          </ul>
        </section>
        <DeleteProfile p={profile.data} />
      </>
    );
  return (
    <article className="me-page">
      <MeNav />
      <h1>{t('me.nav.profile')}</h1>
      {body}
    </article>
  );
}
