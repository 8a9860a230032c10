// The proposer's name and e-mail at rest: sealed with the tenant's key (purpose petitions.proposer), each bound
// to the petition and the field, and a keyed hash of the e-mail (HMAC-SHA-256, purpose petitions.proposerEmail)
// to count one address's proposals without opening anything. Erasing them sets all three to NULL.
import { createHmac } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { open, seal } from '../../crypto/aead';
import type { Keyring } from '../../crypto/keyring';

const SEAL = 'petitions.proposer';
const LOOKUP = 'petitions.proposerEmail';

export interface Proposer {
  name: string;
  email: string;
}

export interface SealedProposer {
  nameSealed: Buffer;
  emailSealed: Buffer;
  emailHash: string;
}

const aad = (tenantId: string, petitionId: string, field: 'name' | 'email') => `${tenantId}:petition:${petitionId}:proposer:${field}`;

export const normalEmail = (email: string): string => email.trim().toLowerCase();

export async function proposerEmailHash(keyring: Keyring, tx: Transaction, tenantId: string, email: string): Promise<string> {
  const key = await keyring.dataKey(tx, tenantId, LOOKUP);
  return createHmac('sha256', key).update(normalEmail(email)).digest('hex');
}

export async function sealProposer(keyring: Keyring, tx: Transaction, tenantId: string, petitionId: string, proposer: Proposer): Promise<SealedProposer> {
  const key = await keyring.dataKey(tx, tenantId, SEAL);
  return {
    nameSealed: seal(key, Buffer.from(proposer.name), aad(tenantId, petitionId, 'name')),
    emailSealed: seal(key, Buffer.from(proposer.email), aad(tenantId, petitionId, 'email')),
    emailHash: await proposerEmailHash(keyring, tx, tenantId, proposer.email),
  };
}

/** The proposer's name and e-mail (for the notifications and the public "proposed by"); undefined once erased. */
export async function openProposer(
  keyring: Keyring,
  tx: Transaction,
  tenantId: string,
  row: { id: string; proposer_name_sealed: Buffer | null; proposer_email_sealed: Buffer | null },
): Promise<Proposer | undefined> {
  if (!row.proposer_name_sealed || !row.proposer_email_sealed) return undefined;
  const key = await keyring.dataKey(tx, tenantId, SEAL);
  return {
    name: open(key, row.proposer_name_sealed, aad(tenantId, row.id, 'name')).toString(),
    email: open(key, row.proposer_email_sealed, aad(tenantId, row.id, 'email')).toString(),
  };
}
