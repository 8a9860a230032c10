// /petitions/confirm#<token> — the link in the proposer's e-mail: the token after `#` (never sent to the server
// as part of an address, so it is in no log) is posted once; the page says what came of it: confirmed (the
// proposal now waits for moderation), the link expired, or a link the server does not know.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { PetitionStatusChange } from '../../../../schemas/types/petitions-status';
import { apiSend } from '../../../../forms/ui/api';
import { isProblem } from '../../../../forms/ui/problem';
import { Loading, ProblemAlert } from '../../components/QueryState';
import { Outcome } from './Done';
import { fieldCode } from './send';
import { tokenFromHash } from './texts';
import './petitions.css';

export function ConfirmPage() {
  const { t } = useTranslation('petitions');
  const { hash } = useLocation();
  const [token] = useState(() => tokenFromHash(hash));
  const confirm = useMutation({ mutationFn: (value: string) => apiSend<PetitionStatusChange>('POST', '/api/petitions/confirm', { token: value }) });
  const { mutate } = confirm;
  const posted = useRef(false);
  // Once per page visit (the link works once: a second post would answer "unknown").
  useEffect(() => {
    if (!token || posted.current) return;
    posted.current = true;
    mutate(token);
  }, [token, mutate]);

  let body;
  if (!token || isProblem(confirm.error, 'not_found')) {
    body = (
      <Outcome kind="error" heading={t('confirm.unknownHeading')}>
        <p className="alert-text">{t('confirm.unknown')}</p>
      </Outcome>
    );
  } else if (fieldCode(confirm.error) === 'petition.tokenExpired') {
    body = (
      <Outcome kind="warning" heading={t('confirm.expiredHeading')}>
        <p className="alert-text">{t('confirm.expired')}</p>
      </Outcome>
    );
  } else if (confirm.isError) {
    body = (
      <>
        <h1>{t('nav.confirm')}</h1>
        <ProblemAlert error={confirm.error} />
      </>
    );
  } else if (confirm.isSuccess) {
    body = (
      <Outcome kind="success" heading={t('confirm.confirmedHeading')}>
        <p className="alert-text">{t('confirm.confirmed')}</p>
      </Outcome>
    );
  } else {
    body = (
      <>
        <h1>{t('nav.confirm')}</h1>
        <Loading />
      </>
    );
  }
  return <article className="petitions">{body}</article>;
}
