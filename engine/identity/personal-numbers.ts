// CPR numbers and personnummer at rest: sealed with the tenant's own key, with a keyed hash (HMAC-SHA-256,
// another tenant key) beside them to find a person without decrypting anyone. Shown masked everywhere
// except where a screen needs the whole number, and that reveal is audited by the caller.
import { createHmac } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { maskPersonalNumber, type ParsedPersonalNumber, type PersonalNumberCountry } from '../../forms/formats/personal-number';
import { open, seal } from '../crypto/aead';
import type { Keyring } from '../crypto/keyring';

const ENCRYPTION = 'personalNumber.encryption';
const LOOKUP = 'personalNumber.lookup';

export interface ProtectedPersonalNumber {
  country: PersonalNumberCountry;
  ciphertext: Buffer;
  lookupHash: string;
  masked: string;
}

export class PersonalNumbers {
  constructor(private readonly keyring: Keyring) {}

  async lookupHash(tx: Transaction, tenantId: string, pn: ParsedPersonalNumber): Promise<string> {
    const key = await this.keyring.dataKey(tx, tenantId, LOOKUP);
    return createHmac('sha256', key).update(`${pn.country}:${pn.canonical}`).digest('hex');
  }

  async protect(tx: Transaction, tenantId: string, pn: ParsedPersonalNumber): Promise<ProtectedPersonalNumber> {
    const key = await this.keyring.dataKey(tx, tenantId, ENCRYPTION);
    return {
      country: pn.country,
      ciphertext: seal(key, Buffer.from(pn.canonical), `${tenantId}:${pn.country}`),
      lookupHash: await this.lookupHash(tx, tenantId, pn),
      masked: maskPersonalNumber(pn),
    };
  }

  /** The same outside a transaction (the key from memory when it is there). */
  async revealOf(tenantId: string, stored: Pick<ProtectedPersonalNumber, 'country' | 'ciphertext'>): Promise<string> {
    const key = await this.keyring.dataKeyOf(tenantId, ENCRYPTION);
    return open(key, stored.ciphertext, `${tenantId}:${stored.country}`).toString();
  }

  /** The whole number, for the few screens and exports that need it; the caller writes the audit row. */
  async reveal(tx: Transaction, tenantId: string, stored: Pick<ProtectedPersonalNumber, 'country' | 'ciphertext'>): Promise<string> {
    const key = await this.keyring.dataKey(tx, tenantId, ENCRYPTION);
    return open(key, stored.ciphertext, `${tenantId}:${stored.country}`).toString();
  }
}
