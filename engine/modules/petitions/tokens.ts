// The links a proposer gets by e-mail (confirm the address; edit after a return): 32 random bytes, base64url.
// Only their SHA-256 is stored, so the table alone opens nothing.
import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError } from '../../errors';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** The hash of a token that has the shape of one; anything else is answered like an unknown token (404). */
export function tokenHashOf(token: unknown): string {
  if (typeof token !== 'string' || !TOKEN.test(token)) throw new NotFoundError();
  return hashToken(token);
}
