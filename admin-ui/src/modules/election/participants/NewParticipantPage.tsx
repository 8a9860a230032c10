// A new participant from the civil registry: the personal number, "Look up" shows what the registry says (name,
// the address — or that it is protected, never the address itself —, birth date, municipality, citizenship,
// status); a deceased person is refused there and then, one already a participant is linked. Then what an
// administrator enters (phone, e-mail, special diets and a note — special-category data, marked —, teams,
// Digital Post exemption) and Create. Refusals are said in words at the field they concern; the registry being
// away is said plainly: nothing was created, try again later. Opened with `?returnTo=/election/…` (from
// assigning a task), the new participant's page is skipped and the browser goes back there instead.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ProblemError } from '../../../../../forms/ui/problem';
import { useSite } from '../../../../../forms/ui/site';
import { ErrorSummary, TextField, useFieldErrors } from '../config/fields';
import type { ElectionFlash } from '../elections/shared';
import { createParticipant, lookupPerson, participantsChanged, type ElectionParticipantPreview } from './api';
import { EMPTY_ENTERED, EnteredFields, useEnteredLabels, type Entered } from './entered-fields';
import { participantPagePath, PARTICIPANTS_PATH } from './paths';
import { formatDay, ParticipantProblem, registryAway, StatusBadge } from './shared';
import './participants.css';

export default function NewParticipantPage() {
  const { t } = useTranslation('election');
  const { tenant } = useSite();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnTo = returnPath(searchParams.get('returnTo'));
  const queryClient = useQueryClient();
  const [number, setNumber] = useState('');
  const [entered, setEntered] = useState<Entered>(EMPTY_ENTERED);
  const previewRef = useRef<HTMLElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const lookup = useMutation({
    mutationFn: (personalNumber: string) => lookupPerson(personalNumber),
  });
  const create = useMutation({
    mutationFn: () =>
      createParticipant({
        personalNumber: lookup.variables ?? number.trim(),
        phone: entered.phone.trim() || null,
        email: entered.email.trim() || null,
        dietIds: entered.dietIds,
        dietNote: entered.dietNote.trim() || null,
        teamIds: entered.teamIds,
        digitalPostExempt: entered.digitalPostExempt,
      }),
    onSuccess: async (profile) => {
      await participantsChanged(queryClient, profile);
      const name = `${profile.givenName} ${profile.familyName}`;
      const flash = t('participants.new.created', { name });
      if (returnTo) void navigate(returnTo, { state: { flash, createdName: name } satisfies ElectionFlash & { createdName: string } });
      else void navigate(participantPagePath(profile.id), { state: { flash } satisfies ElectionFlash });
    },
  });
  const lookupErrors = useFieldErrors(lookup.error);
  const createErrors = useFieldErrors(create.error);
  const preview = lookup.data && lookup.variables === number.trim() ? lookup.data : undefined;

  useEffect(() => {
    if (lookup.isSuccess) previewRef.current?.focus();
  }, [lookup.isSuccess, lookup.data]);
  useEffect(() => {
    if (create.isError) summaryRef.current?.focus();
  }, [create.isError, create.error]);

  const submitLookup = (e: FormEvent) => {
    e.preventDefault();
    create.reset();
    if (number.trim()) lookup.mutate(number.trim());
  };
  // The number's refusals: the lookup's, and the create's that concern the number (deceased, exists, unknown).
  const numberErrors = [
    ...(lookupErrors.byField.personalNumber ?? []),
    ...(preview?.person.deceased ? [t('participants.new.deceased')] : []),
    ...(create.isError ? (createErrors.byField.personalNumber ?? []) : []),
  ];
  const existingId = existingParticipant(create.error) ?? preview?.participantId ?? undefined;
  const labels: Record<string, string> = {
    personalNumber: t('participants.new.personalNumber'),
    ...useEnteredLabels(),
  };
  return (
    <section className="participant-new">
      <p className="election-breadcrumb">
        <Link to={PARTICIPANTS_PATH}>{t('participants.back')}</Link>
      </p>
      <h1>{t('participants.new.heading')}</h1>
      <p>{t('participants.new.intro')}</p>
      <form className="election-form participant-lookup" onSubmit={submitLookup} noValidate>
        <TextField
          name="personalNumber"
          label={labels.personalNumber!}
          hint={t(`participants.new.personalNumberHint${tenant.country}`)}
          value={number}
          onChange={(v) => {
            setNumber(v);
            lookup.reset();
            create.reset();
          }}
          maxLength={20}
          required
          autoComplete="off"
          errors={numberErrors}
        />
        {existingId ? (
          <p className="participant-existing">
            <Link to={participantPagePath(existingId)}>{t('participants.new.toExisting')}</Link>
          </p>
        ) : null}
        <button type="submit" disabled={lookup.isPending || !number.trim()}>
          {lookup.isPending ? t('participants.new.lookingUp') : t('participants.new.lookUp')}
        </button>
      </form>
      {lookup.isError && !lookupErrors.byField.personalNumber ? <ParticipantProblem error={lookup.error} registryText={t('participants.new.registryDownLookup')} /> : null}

      {preview ? (
        <>
          <Preview ref={previewRef} preview={preview} />
          {preview.person.deceased ? (
            <p className="notice notice-error" role="alert">
              {t('participants.new.deceasedNotice')}
            </p>
          ) : preview.participantId ? (
            <p className="notice" role="alert">
              {t('participants.new.exists')} <Link to={participantPagePath(preview.participantId)}>{t('participants.new.toExisting')}</Link>
            </p>
          ) : (
            <EnteredForm
              entered={entered}
              onChange={setEntered}
              errors={createErrors.byField}
              pending={create.isPending}
              onSubmit={() => create.mutate()}
              summary={
                create.isError ? (
                  registryAway(create.error) ? (
                    <ParticipantProblem error={create.error} />
                  ) : (
                    <ErrorSummary ref={summaryRef} error={create.error} errors={createErrors} title={t('participants.new.failed')} labelOf={(f) => labels[f] ?? f} />
                  )
                ) : null
              }
            />
          )}
        </>
      ) : null}
    </section>
  );
}

/** The participant a refusal "already a participant" names (its params carry the id). */
function existingParticipant(error: unknown): string | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  const found = (error.problem.errors ?? []).find((e) => e.code === 'election.participantExists');
  const id = (found?.params as { participantId?: unknown } | undefined)?.participantId;
  return typeof id === 'string' ? id : undefined;
}

function Preview({ ref, preview }: { ref: Ref<HTMLElement>; preview: ElectionParticipantPreview }) {
  const { t, i18n } = useTranslation('election');
  const p = preview.person;
  const address = p.protectedAddress ? null : [p.address, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <section ref={ref} tabIndex={-1} className="participant-preview" aria-labelledby="participant-preview-heading" data-testid="registry-preview">
      <h2 id="participant-preview-heading">{t('participants.new.previewHeading')}</h2>
      <dl className="election-facts">
        <div>
          <dt>{t('participants.fields.name')}</dt>
          <dd>
            {p.givenName} {p.familyName}
          </dd>
        </div>
        <div>
          <dt>{t('participants.fields.personalNumber')}</dt>
          <dd>{preview.personalNumberMasked}</dd>
        </div>
        <div>
          <dt>{t('participants.fields.address')}</dt>
          <dd data-testid="preview-address">{p.protectedAddress ? <em className="participant-protected">{t('participants.protectedAddress')}</em> : address || '–'}</dd>
        </div>
        <div>
          <dt>{t('participants.fields.birthDate')}</dt>
          <dd>{formatDay(p.birthDate, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('participants.fields.municipalityCode')}</dt>
          <dd>{p.municipalityCode}</dd>
        </div>
        <div>
          <dt>{t('participants.fields.citizenship')}</dt>
          <dd>{p.citizenship}</dd>
        </div>
        <div>
          <dt>{t('participants.fields.registryStatus')}</dt>
          <dd data-testid="preview-status">
            <StatusBadge status={preview.registryStatus} />
          </dd>
        </div>
      </dl>
      {p.protectedAddress ? <p className="hint">{t('participants.protectedHint')}</p> : null}
    </section>
  );
}

function EnteredForm({
  entered,
  onChange,
  errors,
  pending,
  onSubmit,
  summary,
}: {
  entered: Entered;
  onChange: (e: Entered) => void;
  errors: Record<string, string[]>;
  pending: boolean;
  onSubmit: () => void;
  summary: ReactNode;
}) {
  const { t } = useTranslation('election');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="election-form participant-entered" onSubmit={submit} noValidate aria-labelledby="participant-entered-heading">
      <h2 id="participant-entered-heading">{t('participants.new.enteredHeading')}</h2>
      {summary}
      <EnteredFields entered={entered} onChange={onChange} errors={errors} />
      <div className="election-form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('participants.new.creating') : t('participants.new.create')}
        </button>
        <Link to={PARTICIPANTS_PATH}>{t('participants.new.cancel')}</Link>
      </div>
    </form>
  );
}

/** A page of this module to go back to after creating (only a path of its own, never another site's address). */
function returnPath(value: string | null): string | undefined {
  return value && /^\/election\/[\w\-/?=&%.]*$/.test(value) && !value.includes('//') ? value : undefined;
}
