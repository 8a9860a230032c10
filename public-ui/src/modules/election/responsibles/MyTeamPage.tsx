// My team (/election/my-team; /valg/mit-hold, /val/mitt-lag), for a team's responsible (a party secretary): the
// team's members with their tasks and how they answered, filters (status, name), taking a member off the team
// (after a confirmation; the server refuses while the member holds the team's tasks, and says so), and the team's
// invite link with its QR code. Several teams: a choice, kept in the address.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import { useSite } from '../../../../../forms/ui/site';
import type { ElectionPublicTeamLink } from '../../../../../schemas/types/election-public-team-link';
import type { ElectionPublicTeamMembers } from '../../../../../schemas/types/election-public-team-members';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import { formatDay } from '../site/SitePages';
import { Chooser, LoginFirst, Page, Refused, useChosen } from './common';
import { useMyTeams } from './queries';

type Member = ElectionPublicTeamMembers['items'][number];
const STATUSES = ['all', 'withTask', 'accepted', 'invited', 'withoutTask'] as const;

function MemberCard({ teamId, member }: { teamId: string; member: Member }) {
  const { t, i18n } = useTranslation('election');
  const client = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiSend<void>('DELETE', `/api/election/public/teams/${teamId}/members/${member.participantId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['election', 'public', 'team', teamId] }),
    onSettled: () => setConfirm(false),
  });
  const headingId = `member-${member.participantId}`;
  return (
    <li className="resp-card" data-testid="team-member" aria-labelledby={headingId}>
      <h3 id={headingId}>{member.name}</h3>
      <p className="resp-facts">
        {member.phone ? <span>{t('responsibles.phone', { phone: member.phone })}</span> : null}
        {member.email ? <span>{t('responsibles.email', { email: member.email })}</span> : null}
      </p>
      {member.tasks.length === 0 ? (
        <p>{t('responsibles.team.noTask')}</p>
      ) : (
        <ul className="resp-tasks">
          {member.tasks.map((task) => (
            <li key={task.slotId}>
              {t('responsibles.team.task', {
                date: formatDay(task.date, i18n.language),
                place: task.workLocation.name,
                taskType: task.taskType.name,
                start: task.startTime,
                end: task.endTime,
              })}{' '}
              <strong>{task.state === 'accepted' ? t('responsibles.accepted') : t('responsibles.invited')}</strong>
              {task.ofThisTeam ? null : ` (${t('responsibles.team.otherTeam')})`}
            </li>
          ))}
        </ul>
      )}
      {remove.isError ? <Refused error={remove.error} /> : null}
      {confirm ? (
        <div className="alert alert-warning" role="alertdialog" aria-labelledby={`${headingId}-confirm`}>
          <div className="alert-body">
            <p className="alert-text" id={`${headingId}-confirm`}>
              {t('responsibles.team.removeConfirm', { name: member.name })}
            </p>
            <div className="resp-actions">
              <button type="button" className="button button-primary" autoFocus disabled={remove.isPending} onClick={() => remove.mutate()}>
                {t('responsibles.team.removeYes')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirm(false)}>
                {t('responsibles.cancel')}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div className="resp-actions">
          <button type="button" className="button button-secondary" onClick={() => setConfirm(true)}>
            {t('responsibles.team.remove', { name: member.name })}
          </button>
        </div>
      )}
    </li>
  );
}

function InviteLink({ teamId }: { teamId: string }) {
  const { t } = useTranslation('election');
  const link = useMutation({ mutationFn: () => apiSend<ElectionPublicTeamLink>('POST', `/api/election/public/teams/${teamId}/invite-link`) });
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby="invite-link">
      <h2 id="invite-link">{t('responsibles.link.heading')}</h2>
      <p>{t('responsibles.link.intro')}</p>
      {link.data ? (
        <>
          <p>
            <a href={link.data.url} data-testid="invite-url">
              {link.data.url}
            </a>
          </p>
          <div className="resp-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(link.data.url).then(() => setCopied(true));
              }}
            >
              {t('responsibles.link.copy')}
            </button>
          </div>
          <p role="status">{copied ? t('responsibles.link.copied') : ''}</p>
          <img className="resp-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.data.qrSvg)}`} alt={t('responsibles.link.qr')} />
        </>
      ) : (
        <div className="resp-actions">
          <button type="button" className="button button-primary" disabled={link.isPending} onClick={() => link.mutate()}>
            {t('responsibles.link.show')}
          </button>
        </div>
      )}
      {link.isError ? <Refused error={link.error} /> : null}
    </section>
  );
}

function Members({ teamId }: { teamId: string }) {
  const { t } = useTranslation('election');
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? params.get('status')! : 'all';
  // The name filter stays on the page: a name is personal data and is kept out of the address and the requests.
  const [name, setName] = useState('');
  const needle = name.trim().toLocaleLowerCase();
  const query = new URLSearchParams(status !== 'all' ? { status } : {}).toString();
  const members = useQuery({
    queryKey: ['election', 'public', 'team', teamId, 'members', query],
    queryFn: ({ signal }) => apiGet<ElectionPublicTeamMembers>(`/api/election/public/teams/${teamId}/members${query ? `?${query}` : ''}`, { signal }),
  });
  const shown = (items: Member[]) => (needle ? items.filter((m) => m.name.toLocaleLowerCase().includes(needle)) : items);
  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value && value !== 'all') next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return (
    <section aria-labelledby="members">
      <h2 id="members">{t('responsibles.team.members')}</h2>
      <form className="resp-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="form-group">
          <label className="form-label" htmlFor="member-status">
            {t('responsibles.team.status')}
          </label>
          <select id="member-status" className="form-select" value={status} onChange={(e) => set('status', e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`responsibles.team.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="member-name">
            {t('responsibles.team.name')}
          </label>
          <input id="member-name" className="form-input" type="search" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
      </form>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ProblemAlert error={members.error} />
      ) : (
        <>
          <p role="status" data-testid="members-count">
            {t('responsibles.team.count', { count: shown(members.data.items).length, total: members.data.total })}
          </p>
          <ul className="nobullet-list resp-cards">
            {shown(members.data.items).map((m) => (
              <MemberCard key={m.participantId} teamId={teamId} member={m} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function MyTeamPage() {
  const { t } = useTranslation('election');
  const { actor } = useSite();
  const teams = useMyTeams(actor.kind === 'user');
  const items = teams.data?.items ?? [];
  const [teamId, choose] = useChosen('team', items.map((i) => i.id));
  let body;
  if (actor.kind !== 'user') body = <LoginFirst />;
  else if (teams.isPending) body = <Loading />;
  else if (teams.isError) body = <ProblemAlert error={teams.error} />;
  else if (!teamId) body = <p data-testid="no-teams">{t('responsibles.team.none')}</p>;
  else
    body = (
      <>
        <Chooser id="team-choice" label={t('responsibles.team.choose')} items={items} value={teamId} onChange={choose} />
        <p className="font-lead">{t('responsibles.team.lead', { team: items.find((i) => i.id === teamId)!.name })}</p>
        <Members key={teamId} teamId={teamId} />
        <InviteLink key={`link-${teamId}`} teamId={teamId} />
      </>
    );
  return (
    <Page title={t('nav.myTeam')} team={teamId}>
      {body}
    </Page>
  );
}
