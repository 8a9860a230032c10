// Ids in paths and bodies are UUIDs. One check for all: a malformed id is answered like a missing one (404),
// before it reaches PostgreSQL (which would refuse it with an error, not an empty result).
import { NotFoundError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isUuid = (id: string): boolean => UUID.test(id);

/** A short reference a person can read out (a receipt's, a task's): the id's first 8 hex digits. Not secret. */
export const shortReference = (id: string): string => id.replace(/-/g, '').slice(0, 8).toUpperCase();

/** The id itself, or NotFoundError when it cannot be an id at all. */
export function foundUuid(id: string): string {
  if (!isUuid(id)) throw new NotFoundError();
  return id;
}
