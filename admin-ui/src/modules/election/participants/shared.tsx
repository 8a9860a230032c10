// What the participants' pages share: a registry status in words, an address as it may be shown (a protected
// one masked), a calendar day, the mark on special-category data, the civil registry being away said plainly
// (nothing was created), and the page's own error alert.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../../../../forms/ui/problem';
import { ProblemAlert } from '../../../components/QueryState';
import { queryStateWith } from '../../../../../forms/ui/QueryState';
import { formatDay } from '../elections/shared';
import type { RegistryStatus } from './api';

export { formatDay };

/** An address of a list row or profile: street, postal code and city; protected ones in words, none as a dash. */
export function addressText(t: TFunction, p: { protectedAddress: boolean; address: { street: string; postalCode: string; city: string } | null }): string {
  if (p.protectedAddress) return t('participants.protectedAddress');
  if (!p.address) return '–';
  const place = [p.address.postalCode, p.address.city].filter(Boolean).join(' ');
  return [p.address.street, place].filter(Boolean).join(', ') || '–';
}

export function StatusBadge({ status }: { status: RegistryStatus }) {
  const { t } = useTranslation('election');
  return <span className={`participant-status participant-status-${status}`}>{t(`participants.status.${status}`)}</span>;
}

/** The mark beside special-category data (diets, party membership): who may see it is limited, and it is logged. */
export function SpecialMark() {
  const { t } = useTranslation('election');
  return <span className="participant-special">{t('participants.special.mark')}</span>;
}

/** The civil registry could not be reached (or answered nonsense): the request did nothing. */
export const registryAway = (error: unknown) => isProblem(error, 'registry_unavailable') || isProblem(error, 'registry_bad_response');

/** A failed request: the registry's absence in the page's own words, anything else as the site's alert. */
export function ParticipantProblem({ error, registryText }: { error: unknown; registryText?: string }) {
  const { t } = useTranslation('election');
  if (registryAway(error))
    return (
      <div className="notice notice-error" role="alert" data-testid="registry-unavailable">
        <p>{registryText ?? t('participants.registryUnavailable')}</p>
      </div>
    );
  return <ProblemAlert error={error} />;
}

/** The shared loading and not-found rules (QueryState) around a participant's problem alert (the registry's absence in words). */
export const ParticipantQueryState = queryStateWith(ParticipantProblem);

/** "1.234" in the page's language. */
export const formatCount = (n: number, locale: string) => n.toLocaleString(locale);
