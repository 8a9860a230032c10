// A task link's token: 32 random bytes, base64url (43 characters), in the link only. The table keeps its SHA-256
// (which finds the link) and the token sealed with the tenant's key for task links, bound to the tenant and the
// link's id, so that the admin site can show the link and its QR code again while the table alone opens nothing.
import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { open, seal } from '../../../../crypto/aead';
import type { Keyring } from '../../../../crypto/keyring';
import { NotFoundError } from '../../../../errors';

const PURPOSE = 'election.taskLinkTokens';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const aadOf = (tenantId: string, linkId: string): string => `${tenantId}:taskLink:${linkId}`;

export const hashLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const newLinkToken = (): string => randomBytes(32).toString('base64url');

/** The hash of a token that has the shape of one; anything else is answered like an unknown link (404). */
export function linkTokenHash(token: unknown): string {
  if (typeof token !== 'string' || !TOKEN.test(token)) throw new NotFoundError();
  return hashLinkToken(token);
}

/** The tenant's key for link tokens; `tx` must be a withTenant transaction of that tenant. */
export const linkTokenKey = (keyring: Keyring, tx: Transaction, tenantId: string): Promise<Buffer> => keyring.dataKey(tx, tenantId, PURPOSE);

export const sealLinkToken = (key: Buffer, tenantId: string, linkId: string, token: string): Buffer => seal(key, Buffer.from(token, 'utf8'), aadOf(tenantId, linkId));

export const openLinkToken = (key: Buffer, tenantId: string, linkId: string, sealed: Buffer): string => open(key, sealed, aadOf(tenantId, linkId)).toString('utf8');

/** The public site's page of a link (public-ui/src/modules/election/), its English path (public-pages.ts). */
export const linkPagePath = (token: string): string => `/election/tasks/${token}`;
