// /petitions/new — propose a petition without logging in: the tenant's published petition form, rendered by
// the platform's renderer; the answers (the proposer's name and e-mail among them) go to POST /api/petitions.
// Accepted (202): check your e-mail for the confirmation link. Too many proposals (429): how long to wait.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormVersion } from '../../../../schemas/types/api-form-version';
import type { PetitionProposed } from '../../../../schemas/types/petitions-proposed';
import { useSite } from '../../../../forms/ui/site';
import { QueryState } from '../../components/QueryState';
import { Outcome } from './Done';
import { PetitionForm } from './ProposeForm';
import { petitionFormQuery } from './queries';
import { sendReadingRetryAfter } from './send';
import './petitions.css';

export function ProposePage() {
  const { t } = useTranslation('petitions');
  const form = useQuery(petitionFormQuery());
  const missing = (
    <>
      <h1>{t('nav.propose')}</h1>
      <p>{t('propose.noForm')}</p>
    </>
  );
  return (
    <article className="petitions">
      <QueryState query={form} notFound={missing}>
        {(f) => <Propose key={`${f.id}@${f.version}`} form={f} />}
      </QueryState>
    </article>
  );
}

function Propose({ form }: { form: FormVersion }) {
  const { t } = useTranslation('petitions');
  const { actor, csrfToken } = useSite();
  const [sentTo, setSentTo] = useState<string | undefined>();
  // A logged-in person's name starts in the proposer's name field (editable: it is shown with the petition).
  const [initialAnswers] = useState(() => (actor.kind === 'user' && actor.displayName ? { proposerName: actor.displayName } : undefined));
  const propose = useMutation({
    mutationFn: (answers: Record<string, unknown>) => sendReadingRetryAfter<PetitionProposed>('POST', '/api/petitions', { formId: form.id, answers }, csrfToken),
    onSuccess: (_, answers) => setSentTo(typeof answers.proposerEmail === 'string' ? answers.proposerEmail : ''),
  });
  if (sentTo !== undefined) {
    return (
      <Outcome kind="success" heading={t('propose.sentHeading')}>
        <p className="alert-text">{t('propose.sent', { email: sentTo })}</p>
        <p className="alert-text">{t('propose.notArrived')}</p>
      </Outcome>
    );
  }
  return <PetitionForm form={form} submitText={t('propose.submit')} intro={t('propose.intro')} error={propose.error} onSubmit={(answers) => propose.mutateAsync(answers)} {...(initialAnswers ? { initialAnswers } : {})} />;
}
