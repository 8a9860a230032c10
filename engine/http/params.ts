// Path parameters as the routes read them: a missing one is empty text, and a version that is not a whole
// number from 1 up names nothing (404, like a version that does not exist).
import type { Request } from 'express';
import { NotFoundError } from '../errors';

export const param = (req: Request, name: string): string => String(req.params[name] ?? '');

export function versionParam(raw: string | undefined): number {
  const n = Number(raw);
  if (!/^\d{1,6}$/.test(raw ?? '') || n < 1) throw new NotFoundError();
  return n;
}
