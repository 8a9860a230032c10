// Finds or creates the user behind a login. Citizens are keyed by the HMAC of their personal number, so
// the same person gets the same user at each login without the number being searchable in clear.
import { createHmac } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import type { ParsedPersonalNumber } from '../../forms/formats/personal-number';
import type { Role } from '../actors';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import type { PersonalNumbers } from './personal-numbers';

export class Users {
  constructor(
    private readonly db: Database,
    private readonly keyring: Keyring,
    private readonly personalNumbers: PersonalNumbers,
  ) {}

  private async upsert(tx: Transaction, row: { tenantId: string; kind: 'citizen' | 'employee'; subjectHash: string; displayName: string; roles: Role[]; pn?: { country: string; sealed: Buffer; masked: string } }): Promise<string> {
    const [user] = await this.db.sequelize.query<{ id: string }>(
      `INSERT INTO users (tenant_id, kind, subject_hash, display_name, roles, personal_number_country, personal_number_sealed, personal_number_masked, last_login_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (tenant_id, kind, subject_hash) DO UPDATE
         SET display_name = EXCLUDED.display_name, roles = EXCLUDED.roles, last_login_at = now()
       RETURNING id`,
      { bind: [row.tenantId, row.kind, row.subjectHash, row.displayName, row.roles, row.pn?.country ?? null, row.pn?.sealed ?? null, row.pn?.masked ?? null], type: QueryTypes.SELECT, transaction: tx },
    );
    return user!.id;
  }

  async citizen(tx: Transaction, tenantId: string, pn: ParsedPersonalNumber, displayName: string): Promise<string> {
    const sealed = await this.personalNumbers.protect(tx, tenantId, pn);
    return this.upsert(tx, { tenantId, kind: 'citizen', subjectHash: sealed.lookupHash, displayName, roles: [], pn: { country: sealed.country, sealed: sealed.ciphertext, masked: sealed.masked } });
  }

  /** Roles come from the IdP's privilege attribute at every login, so a revoked privilege takes effect at once. */
  async employee(tx: Transaction, tenantId: string, subject: string, displayName: string, roles: Role[]): Promise<string> {
    const key = await this.keyring.dataKey(tx, tenantId, 'employee.subject');
    const subjectHash = createHmac('sha256', key).update(subject).digest('hex');
    return this.upsert(tx, { tenantId, kind: 'employee', subjectHash, displayName, roles });
  }
}
