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
    if (input.phone !== undefined) {
      this.set('phone', input.phone?.trim() || null);
      this.fields.push('phone');
    }
    if (input.email !== undefined) {
      this.set('email', input.email?.trim() || null);
      this.fields.push('email');
    }
    if (input.dietIds !== undefined || input.dietNote !== undefined) {
      const key = await dietKey(keyring, tx, row.tenant_id);
      const before = openDiets(key, row.tenant_id, row.id, row.diets_sealed);
      const dietIds = input.dietIds !== undefined ? distinct(input.dietIds) : before.dietIds;
      if (input.dietIds !== undefined) await checkDiets(db, tx, dietIds);
      const note = input.dietNote !== undefined ? input.dietNote?.trim() || null : before.note;
      this.set('diets_sealed', sealDiets(key, row.tenant_id, row.id, { dietIds, note }));
      this.fields.push('diets');
    }
  }

  /** The one UPDATE of the collected columns and updated_at (nothing when no field changed at all). */
  sql(): string | undefined {
    return this.fields.length ? `UPDATE participants SET ${[...this.sets, 'updated_at = now()'].join(', ')} WHERE id = $1` : undefined;
  }
}
