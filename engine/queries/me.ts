import { QueryTypes } from 'sequelize';
import type { Actor } from '../actors';
import type { Database } from '../db/database';
import { UnauthenticatedError } from '../errors';

export interface Me {
  displayName: string;
  kind: 'citizen' | 'employee';
  /** Masked (date part only); the whole number is never sent to a profile page. */
  personalNumberMasked: string | null;
}

/** The logged-in person's own profile. */
export async function loadMe(db: Database, actor: Actor): Promise<Me> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const [row] = await db.withTenant(actor.tenantId, (tx) =>
    db.sequelize.query<{ display_name: string; kind: 'citizen' | 'employee'; personal_number_masked: string | null }>('SELECT display_name, kind, personal_number_masked FROM users WHERE id = $1', {
      bind: [actor.id],
      type: QueryTypes.SELECT,
      transaction: tx,
    }),
  );
  if (!row) throw new UnauthenticatedError();
  return { displayName: row.display_name, kind: row.kind, personalNumberMasked: row.personal_number_masked };
}
