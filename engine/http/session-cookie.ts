// The session cookie: first-party, HttpOnly, SameSite=Lax, Secure outside development and test, holding
// an opaque token. One cookie name per site, so the admin and public sessions of one browser never mix.
import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';
import type { Site } from '../db/database';

export const cookieName = (site: Site): string => (site === 'admin' ? 'tv_admin_session' : 'tv_session');

export function readSessionToken(req: Request, site: Site): string | undefined {
  const header = req.headers.cookie;
  if (!header || header.length > 8192) return undefined;
  const token = parse(header)[cookieName(site)];
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

export function setSessionCookie(res: Response, site: Site, token: string, expires: Date, secure: boolean): void {
  res.append('Set-Cookie', serialize(cookieName(site), token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires }));
}

export function clearSessionCookie(res: Response, site: Site, secure: boolean): void {
  res.append('Set-Cookie', serialize(cookieName(site), '', { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(0) }));
}
