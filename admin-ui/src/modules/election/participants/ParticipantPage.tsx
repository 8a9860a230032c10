// A participant's profile: the details (the personal number masked; the whole number shown on request, after
// saying that this is logged), the civil registry's status and when it was last checked, teams and
// responsibilities, special diets (special-category data, marked, only to those allowed), the tasks per
// election, comments with a form to add one, and the communication log. Edit changes what was entered (the
// registry's fields are the registry's); Delete asks first and says in words why it was refused (tasks held).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSite } from '../../../../../forms/ui/site';
import { useConfirm } from '../../../components/ConfirmDialog';
import { formatDateTime } from '../../../dates';
import { ErrorSummary, fieldId, useFieldErrors } from '../config/fields';
import { useFlash, type ElectionFlash } from '../elections/shared';
import { commentParticipant, deleteParticipant, participantKeys, participantQuery, participantsChanged, revealPersonalNumber, updateParticipant, type ElectionParticipantProfile, type ElectionParticipantUpdate } from './api';
import { EnteredFields, useEnteredLabels, type Entered } from './entered-fields';
import { PARTICIPANTS_PATH } from './paths';
import { addressText, formatDay, ParticipantProblem, ParticipantQueryState, SpecialMark, StatusBadge } from './shared';
import './participants.css';

type Profile = ElectionParticipantProfile;

export default function ParticipantPage() {
  const { t } = useTranslation('election');
  const { id = '' } = useParams();
  const profile = useQuery(participantQuery(id));
  if (profile.isPending || profile.isError)
    return (
      <section>
        <p className="election-breadcrumb">
          <Link to={PARTICIPANTS_PATH}>{t('participants.back')}</Link>
        </p>
        <h1>{t('nav.participant')}</h1>
        <ParticipantQueryState query={profile} notFound={<p>{t('participants.profile.notFound')}</p>}>
          {() => null}
        </ParticipantQueryState>
      </section>
    );
  return <ParticipantProfileView key={id} profile={profile.data} />;
}

function ParticipantProfileView({ profile: p }: { profile: Profile }) {
  const { t, i18n } = useTranslation('election');
  const { t: tApp } = useTranslation();
  const { tenant } = useSite();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { confirm, dialog } = useConfirm();
  const flash = useFlash();
  const [status, setStatus] = useState(flash);
  const [editing, setEditing] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const deleteRef = useRef<HTMLDivElement>(null);
  const name = `${p.givenName} ${p.familyName}`;
  const lang = i18n.language;
  useEffect(() => {
    document.title = `${name} – ${t('nav.group')} – ${tApp('adminOf', { name: tenant.name })}`;
  }, [name, t, tApp, tenant.name]);

  const reveal = useMutation({
    mutationFn: () => revealPersonalNumber(p.id),
    onMutate: () => setStatus(''),
    onSuccess: (answer) => setRevealed(answer.personalNumber),
  });
  const remove = useMutation({
    mutationFn: () => deleteParticipant(p.id),
    onMutate: () => setStatus(''),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: participantKeys.detail(p.id) });
      await participantsChanged(queryClient);
      void navigate(PARTICIPANTS_PATH, { state: { flash: t('participants.profile.deleted', { name }) } satisfies ElectionFlash });
    },
  });
  const deleteErrors = useFieldErrors(remove.error);
  useEffect(() => {
    if (remove.isError) deleteRef.current?.focus();
  }, [remove.isError, remove.error]);

  const askReveal = async () => {
    const ok = await confirm({ title: t('participants.reveal.confirmTitle'), body: <p>{t('participants.reveal.confirmBody', { name })}</p>, confirm: t('participants.reveal.confirm') });
    if (ok) reveal.mutate();
  };
  const askDelete = async () => {
    const ok = await confirm({ title: t('participants.profile.deleteTitle', { name }), body: <p>{t('participants.profile.deleteBody', { name })}</p>, confirm: t('participants.profile.deleteConfirm'), danger: true });
    if (ok) remove.mutate();
  };
  const heldTasks = p.tasks.flatMap((e) => e.tasks).filter((x) => x.state !== 'rejected').length;

  return (
    <section className="participant-page" data-participant={p.id}>
      <p className="election-breadcrumb">
        <Link to={PARTICIPANTS_PATH}>{t('participants.back')}</Link>
      </p>
      <h1>{name}</h1>
      <p role="status" className="election-status">
        {status}
      </p>
      <div className="election-actions participant-actions">
        <button type="button" className="button-secondary" aria-expanded={editing} aria-controls={editing ? 'participant-edit' : undefined} onClick={() => setEditing((e) => !e)}>
          {editing ? t('participants.edit.close') : t('participants.edit.button')}
        </button>
        <button type="button" className="button-danger participant-delete-one" onClick={() => void askDelete()} disabled={remove.isPending}>
          {t('participants.profile.delete')}
        </button>
      </div>
      {heldTasks > 0 ? <p className="hint">{t('participants.profile.deleteHasTasks', { count: heldTasks })}</p> : null}
      {remove.isError ? (
        <ErrorSummary
          ref={deleteRef}
          error={remove.error}
          errors={deleteErrors}
          title={t('participants.profile.deleteFailed')}
          labelOf={(f) => f}
          generalText={deleteErrors.codes.includes('election.participantHasTasks') ? t('participants.profile.deleteHasTasks', { count: Math.max(1, heldTasks) }) : undefined}
        />
      ) : null}
      {editing ? (
        <EditForm
          profile={p}
          onDone={(message) => {
            setEditing(false);
            setStatus(message);
          }}
        />
      ) : null}

      <ProfileSection id="details" title={t('participants.profile.details')}>
        <dl className="election-facts participant-facts">
          <Fact label={t('participants.fields.personalNumber')}>
            <span data-testid="personal-number">{revealed ?? p.personalNumberMasked}</span>{' '}
            {revealed ? (
              <button type="button" className="button-secondary button-small" onClick={() => setRevealed(null)}>
                {t('participants.reveal.hide')}
              </button>
            ) : (
              <button type="button" className="button-secondary button-small" onClick={() => void askReveal()} disabled={reveal.isPending}>
                {t('participants.reveal.button')}
              </button>
            )}
          </Fact>
          <Fact label={t('participants.fields.birthDate')}>{formatDay(p.birthDate, lang)}</Fact>
          <Fact label={t('participants.fields.address')}>{p.protectedAddress ? <em className="participant-protected">{t('participants.protectedAddress')}</em> : addressText(t, p)}</Fact>
          <Fact label={t('participants.fields.municipalityCode')}>{p.municipalityCode}</Fact>
          <Fact label={t('participants.fields.citizenship')}>{p.citizenship}</Fact>
          <Fact label={t('participants.fields.phone')}>{p.phone ?? '–'}</Fact>
          <Fact label={t('participants.fields.email')}>{p.email ?? '–'}</Fact>
          <Fact label={t('participants.fields.digitalPostExempt')}>{p.digitalPostExempt ? t('yes') : t('no')}</Fact>
          <Fact label={t('participants.fields.createdAt')}>{formatDateTime(p.createdAt, lang)}</Fact>
          <Fact label={t('participants.fields.updatedAt')}>{formatDateTime(p.updatedAt, lang)}</Fact>
        </dl>
        {revealed ? <p className="hint">{t('participants.reveal.logged')}</p> : null}
        {reveal.isError ? <ParticipantProblem error={reveal.error} /> : null}
        {p.protectedAddress ? <p className="hint">{t('participants.protectedHint')}</p> : null}
        {Object.keys(p.signupFields).length ? (
          <>
            <h3>{t('participants.profile.signupFields')}</h3>
            <dl className="election-facts">
              {Object.entries(p.signupFields).map(([k, v]) => (
                <Fact key={k} label={k}>
                  {typeof v === 'string' || typeof v === 'number' ? String(v) : typeof v === 'boolean' ? (v ? t('yes') : t('no')) : JSON.stringify(v)}
                </Fact>
              ))}
            </dl>
          </>
        ) : null}
      </ProfileSection>

      <ProfileSection id="registry" title={t('participants.profile.registry')}>
        <dl className="election-facts">
          <Fact label={t('participants.fields.registryStatus')}>
            <span data-testid="registry-status">
              <StatusBadge status={p.registryStatus} />
            </span>
          </Fact>
          <Fact label={t('participants.fields.registryCheckedAt')}>{formatDateTime(p.registryCheckedAt, lang)}</Fact>
        </dl>
        <p className="hint">{t(`participants.profile.statusHint.${p.registryStatus}`)}</p>
      </ProfileSection>

      <ProfileSection id="teams" title={t('participants.profile.teams')}>
        {p.teams.length ? (
          <ul className="participant-list">
            {p.teams.map((team) => (
              <li key={team.id}>
                {team.name} ({team.shortName}){team.politicalParty ? <> <SpecialMark /></> : null}{' '}
                <span className="hint">{t('participants.profile.since', { date: formatDateTime(team.joinedAt, lang) })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('participants.profile.noTeams')}</p>
        )}
        {!p.specialCategory ? <p className="hint">{t('participants.special.partiesHidden')}</p> : null}
        <h3>{t('participants.profile.responsibilities')}</h3>
        {p.responsibilities.length ? (
          <ul className="participant-list">
            {p.responsibilities.map((r) => (
              <li key={`${r.kind}-${r.scopeId}`}>
                {t(`participants.profile.kinds.${r.kind}`, { name: r.name ?? '–', defaultValue: `${r.kind}: ${r.name ?? '–'}` })}{' '}
                <span className="hint">{t('participants.profile.since', { date: formatDateTime(r.grantedAt, lang) })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('participants.profile.noResponsibilities')}</p>
        )}
      </ProfileSection>

      <ProfileSection
        id="diets"
        title={
          <>
            {t('participants.profile.diets')} <SpecialMark />
          </>
        }
      >
        {!p.specialCategory ? (
          <p>{t('participants.special.notAllowed')}</p>
        ) : !p.diets || (p.diets.names.length === 0 && !p.diets.note) ? (
          <p>{t('participants.profile.noDiets')}</p>
        ) : (
          <>
            <p data-testid="diets">{p.diets.names.length ? p.diets.names.join(', ') : t('participants.profile.noDiets')}</p>
            {p.diets.note ? <p>{t('participants.profile.dietNote', { note: p.diets.note })}</p> : null}
          </>
        )}
        <p className="hint">{t('participants.special.dietsHint')}</p>
      </ProfileSection>

      <ProfileSection id="tasks" title={t('participants.profile.tasks')}>
        {p.tasks.length === 0 ? (
          <p>{t('participants.profile.noTasks')}</p>
        ) : (
          p.tasks.map((e) => (
            <div key={e.electionId} className="participant-election-tasks">
              <h3>{t('participants.profile.election', { title: e.title, date: formatDay(e.electionDay, lang) })}</h3>
              <div className="table-wrap">
                <table className="data-table">
                  <caption className="visually-hidden">{t('participants.profile.tasksOf', { title: e.title })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('participants.profile.taskDate')}</th>
                      <th scope="col">{t('participants.profile.taskType')}</th>
                      <th scope="col">{t('participants.profile.workLocation')}</th>
                      <th scope="col">{t('participants.profile.team')}</th>
                      <th scope="col">{t('participants.profile.taskState')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.tasks.map((task) => (
                      <tr key={task.id}>
                        <td>{formatDay(task.date, lang)}</td>
                        <td>{t('participants.profile.taskTime', { title: task.taskType.title, from: task.taskType.startTime.slice(0, 5), to: task.taskType.endTime.slice(0, 5) })}</td>
                        <td>{task.workLocation.name}</td>
                        <td>{task.team?.name ?? '–'}</td>
                        <td>{t(`participants.profile.taskStates.${task.state}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ))
        )}
      </ProfileSection>

      <Comments profile={p} onAdded={() => setStatus(t('participants.comments.added'))} />

      <ProfileSection id="messages" title={t('participants.profile.messages')}>
        {p.communicationLog.length === 0 ? (
          <p>{t('participants.profile.noMessages')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('participants.profile.messages')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('participants.profile.messageAt')}</th>
                  <th scope="col">{t('participants.profile.messageKind')}</th>
                  <th scope="col">{t('participants.profile.channel')}</th>
                  <th scope="col">{t('participants.profile.messageStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {p.communicationLog.map((m) => (
                  <tr key={m.id}>
                    <td>{formatDateTime(m.sentAt ?? m.at, lang)}</td>
                    <td>{t(`elections.events.${m.templateKey}`, { defaultValue: m.templateKey })}</td>
                    <td>{tApp(`messages.channels.${m.channel}`, { defaultValue: m.channel })}</td>
                    <td>{tApp(`messages.statuses.${m.status}`, { defaultValue: m.status })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ProfileSection>

      {dialog}
    </section>
  );
}

function ProfileSection({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section className="election-section participant-section" aria-labelledby={`participant-${id}-heading`}>
      <h2 id={`participant-${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Comments({ profile: p, onAdded }: { profile: Profile; onAdded: () => void }) {
  const { t, i18n } = useTranslation('election');
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const add = useMutation({
    mutationFn: (text: string) => commentParticipant(p.id, text),
    onSuccess: async () => {
      setBody('');
      await queryClient.invalidateQueries({ queryKey: participantKeys.detail(p.id) });
      onAdded();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setEmpty(!body.trim());
    if (body.trim()) add.mutate(body.trim());
  };
  const id = fieldId('comment');
  return (
    <ProfileSection id="comments" title={t('participants.comments.heading')}>
      {p.comments.length === 0 ? (
        <p>{t('participants.comments.none')}</p>
      ) : (
        <ol className="participant-comments">
          {p.comments.map((c) => (
            <li key={c.id}>
              <p className="participant-comment-meta">{t('participants.comments.meta', { author: c.authorName, date: formatDateTime(c.createdAt, i18n.language) })}</p>
              <p className="participant-comment-body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="election-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={id}>{t('participants.comments.label')}</label>
          <textarea
            id={id}
            rows={3}
            maxLength={4000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={empty ? true : undefined}
            aria-describedby={empty ? `${id}-error` : undefined}
          />
          {empty ? (
            <p id={`${id}-error`} className="field-error">
              {t('participants.comments.empty')}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={add.isPending}>
          {add.isPending ? t('participants.comments.adding') : t('participants.comments.add')}
        </button>
      </form>
      {add.isError ? <ParticipantProblem error={add.error} /> : null}
    </ProfileSection>
  );
}

function enteredOf(p: Profile): Entered {
  return {
    phone: p.phone ?? '',
    email: p.email ?? '',
    dietIds: p.diets?.dietIds ?? [],
    dietNote: p.diets?.note ?? '',
    teamIds: p.teams.map((x) => x.id),
    digitalPostExempt: p.digitalPostExempt,
  };
}

function EditForm({ profile: p, onDone }: { profile: Profile; onDone: (message: string) => void }) {
  const { t } = useTranslation('election');
  const queryClient = useQueryClient();
  const labels = useEnteredLabels();
  const [entered, setEntered] = useState<Entered>(() => enteredOf(p));
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const save = useMutation({
    mutationFn: () => {
      const body: ElectionParticipantUpdate = {
        phone: entered.phone.trim() || null,
        email: entered.email.trim() || null,
        digitalPostExempt: entered.digitalPostExempt,
        // Without the right to see them, the party teams and diets are not shown: the sets are left as they are.
        ...(p.specialCategory ? { teamIds: entered.teamIds, dietIds: entered.dietIds, dietNote: entered.dietNote.trim() || null } : {}),
      };
      return updateParticipant(p.id, body);
    },
    onSuccess: async (profile) => {
      await participantsChanged(queryClient, profile);
      onDone(t('participants.edit.saved'));
    },
  });
  const errors = useFieldErrors(save.error);
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (save.isError) summaryRef.current?.focus();
  }, [save.isError, save.error]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form id="participant-edit" className="election-form participant-edit" onSubmit={submit} noValidate aria-labelledby="participant-edit-heading">
      <h2 id="participant-edit-heading" ref={headingRef} tabIndex={-1}>
        {t('participants.edit.heading')}
      </h2>
      <p className="hint">{t('participants.edit.intro')}</p>
      {save.isError ? <ErrorSummary ref={summaryRef} error={save.error} errors={errors} title={t('participants.edit.failed')} labelOf={(f) => labels[f as keyof Entered] ?? f} /> : null}
      <EnteredFields entered={entered} onChange={setEntered} errors={errors.byField} showDiets={p.specialCategory} />
      <div className="election-form-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('participants.edit.saving') : t('participants.edit.save')}
        </button>
      </div>
    </form>
  );
}
