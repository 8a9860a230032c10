// The link in the next e-mail to the proposer (confirm the address, or edit after a return): the token is kept
// sealed on the petition until the flow's notify has sent it (subject.ts puts the link in the merge fields, in
// the activity), and cleared when the link is used. Only its hash finds the petition (tokens.ts).
import type { Transaction } from 'sequelize';
import { open, seal } from '../../crypto/aead';
import type { Keyring } from '../../crypto/keyring';

const SEAL = 'petitions.mailLink';

export type MailLinkKind = 'confirm' | 'edit';

const aad = (tenantId: string, petitionId: string) => `${tenantId}:petition:${petitionId}:mailLink`;

export async function sealMailLink(keyring: Keyring, tx: Transaction, tenantId: string, petitionId: string, kind: MailLinkKind, token: string): Promise<Buffer> {
  return seal(await keyring.dataKey(tx, tenantId, SEAL), Buffer.from(`${kind}:${token}`), aad(tenantId, petitionId));
}

export async function openMailLink(keyring: Keyring, tx: Transaction, tenantId: string, petitionId: string, sealed: Buffer | null): Promise<{ kind: MailLinkKind; token: string } | undefined> {
  if (!sealed) return undefined;
  const [kind, token] = open(await keyring.dataKey(tx, tenantId, SEAL), sealed, aad(tenantId, petitionId)).toString().split(':') as [MailLinkKind, string];
  return { kind, token };
}

/** The public site's page the link opens (public-ui/src/modules/petitions/): the token after `#`, so it reaches no server log. */
export const mailLinkPath = (kind: MailLinkKind, token: string): string => (kind === 'confirm' ? `/petitions/confirm#${token}` : `/petitions/edit#${token}`);
