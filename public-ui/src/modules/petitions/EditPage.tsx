// /petitions/edit#<token> — the link in the e-mail to a proposer whose proposal the moderator returned: the
// moderator's message, then the proposal in the form it was made with, filled in as it was; sent again (PUT),
// it goes back to moderation and the link stops working. An expired or unknown link is said in words.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { PetitionReturned } from '../../../../schemas/types/petitions-returned';
import type { PetitionStatusChange } from '../../../../schemas/types/petitions-status';
import { apiSend } from '../../../../forms/ui/api';
import { isProblem } from '../../../../forms/ui/problem';
import { QueryState } from '../../components/QueryState';
import { Outcome } from './Done';
import { PetitionForm } from './ProposeForm';
import { formVersionQuery, petitionKeys, returnedQuery } from './queries';
import { fieldCode } from './send';
import { formatDate, tokenFromHash } from './texts';
import './petitions.css';

export function EditPage() {
  const { t } = useTranslation('petitions');
  const { hash } = useLocation();
  const [token] = useState(() => tokenFromHash(hash));
  const returned = useQuery({ ...returnedQuery(token ?? ''), enabled: Boolean(token) });
  const unknown = (
    <Outcome kind="error" heading={t('edit.unknownHeading')} focus={false}>
      <p className="alert-text">{t('edit.unknown')}</p>
    </Outcome>
  );
  if (!token || isProblem(returned.error, 'not_found')) return <article className="petitions">{unknown}</article>;
  if (fieldCode(returned.error) === 'petition.tokenExpired') {
    return (
      <article className="petitions">
        <Outcome kind="warning" heading={t('edit.expiredHeading')} focus={false}>
          <p className="alert-text">{t('edit.expired')}</p>
        </Outcome>
      </article>
    );
  }
  return (
    <article className="petitions">
      <QueryState query={returned}>{(r) => <EditReturned token={token} returned={r} />}</QueryState>
    </article>
  );
}

function EditReturned({ token, returned }: { token: string; returned: PetitionReturned }) {
  const { t, i18n } = useTranslation('petitions');
  const queryClient = useQueryClient();
  const form = useQuery(formVersionQuery(returned.formId, returned.formVersion));
  const [sent, setSent] = useState(false);
  const resubmit = useMutation({
    mutationFn: (answers: Record<string, unknown>) => apiSend<PetitionStatusChange>('PUT', '/api/petitions/edit', { token, answers }),
    onSuccess: () => {
      setSent(true);
      queryClient.removeQueries({ queryKey: petitionKeys.returned(token) });
    },
  });
  if (sent) {
    return (
      <Outcome kind="success" heading={t('edit.sentHeading')}>
        <p className="alert-text">{t('edit.sent')}</p>
      </Outcome>
    );
  }
  return (
    <>
      <h1>{t('edit.heading')}</h1>
      <div className="alert alert-info">
        <div className="alert-body">
          <h2 className="alert-heading">{t('edit.messageHeading')}</h2>
          <p className="alert-text petition-text">{returned.message ?? t('edit.noMessage')}</p>
        </div>
      </div>
      <p>{t('edit.until', { date: formatDate(returned.editExpiresAt, i18n.language) })}</p>
      <QueryState query={form}>
        {(f) => <PetitionForm form={f} headingLevel={2} submitText={t('edit.submit')} initialAnswers={returned.answers} error={resubmit.error} onSubmit={(answers) => resubmit.mutateAsync(answers)} />}
      </QueryState>
    </>
  );
}
