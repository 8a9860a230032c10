// The changes an administrator and the person alike may make to a participant: phone, e-mail, and the diets with
// their note (sealed again as one blob: a change of either keeps the other). Collects the SET clauses for one
// UPDATE and the names of the fields changed (for the audit row: names, never values); callers add their own
// columns with `set` and write the UPDATE once.
import type { Transaction } from 'sequelize';
import type { Keyring } from '../../../crypto/keyring';
import type { Database } from '../../../db/database';
import { checkDiets, distinct, type ParticipantRow } from './rows';
import { dietKey, openDiets, sealDiets } from './sealed-diets';

export interface ContactChanges {
  phone?: string | null;
  email?: string | null;
  dietIds?: string[];
  dietNote?: string | null;
}

export class ParticipantUpdate {
  readonly sets: string[] = [];
  readonly fields: string[] = [];
  /** $1 is the participant's id. */
  readonly bind: unknown[];

  constructor(readonly row: ParticipantRow) {
    this.bind = [row.id];
  }

  /** `column = $n`, or `column = <as($n)>` for an expression of the value (e.g. a jsonb merge). */
  set(column: string, value: unknown, as: (param: string) => string = (param) => param): void {
    this.bind.push(value);
    this.sets.push(`${column} = ${as(`$${this.bind.length}`)}`);
  }

  async contact(db: Database, keyring: Keyring, tx: Transaction, input: ContactChanges): Promise<void> {
    const { row } = this;
    const key = givesDiets(input) ? await dietKey(keyring, tx, row.tenant_id) : undefined;
    if (input.dietIds !== undefined) await checkDiets(db, tx, distinct(input.dietIds));
    const columns = contactColumns(row, input, key);
    if (columns.phone !== undefined) {
      this.set('phone', columns.phone);
      this.fields.push('phone');
    }
    if (columns.email !== undefined) {
      this.set('email', columns.email);
      this.fields.push('email');
    }
    if (columns.diets_sealed !== undefined) {
      this.set('diets_sealed', columns.diets_sealed);
      this.fields.push('diets');
    }
  }

  /** The one UPDATE of the collected columns and updated_at (nothing when no field changed at all). */
  sql(): string | undefined {
    return this.fields.length ? `UPDATE participants SET ${[...this.sets, 'updated_at = now()'].join(', ')} WHERE id = $1` : undefined;
  }
}

/** Whether the changes touch the diets (their ids or their note): then the tenant's diet key is needed. */
export const givesDiets = (input: ContactChanges): boolean => input.dietIds !== undefined || input.dietNote !== undefined;

/**
 * The participant's contact columns after the changes, only those given: phone and e-mail trimmed (empty: none);
 * the diets and their note sealed again as one blob, a change of either keeping the other (`key`: the tenant's
 * diet key, needed when givesDiets). Pure: the one place both the one-row UPDATE and the sign-ups' batch take
 * their values from.
 */
export function contactColumns(row: ParticipantRow, input: ContactChanges, key?: Buffer): { phone?: string | null; email?: string | null; diets_sealed?: Buffer | null } {
  const out: { phone?: string | null; email?: string | null; diets_sealed?: Buffer | null } = {};
  if (input.phone !== undefined) out.phone = input.phone?.trim() || null;
  if (input.email !== undefined) out.email = input.email?.trim() || null;
  if (givesDiets(input)) {
    if (!key) throw new Error('contactColumns: the diet key is needed to seal the diets');
    const before = openDiets(key, row.tenant_id, row.id, row.diets_sealed);
    out.diets_sealed = sealDiets(key, row.tenant_id, row.id, {
      dietIds: input.dietIds !== undefined ? distinct(input.dietIds) : before.dietIds,
      note: input.dietNote !== undefined ? input.dietNote?.trim() || null : before.note,
    });
  }
  return out;
}
