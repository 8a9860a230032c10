// Ids in paths and bodies are UUIDs. One check for all: a malformed id is answered like a missing one (404),
// before it reaches PostgreSQL (which would refuse it with an error, not an empty result).
import { NotFoundError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isUuid = (id: string): boolean => UUID.test(id);

/** The id itself, or NotFoundError when it cannot be an id at all. */
export function foundUuid(id: string): string {
  if (!isUuid(id)) throw new NotFoundError();
  return id;
}
