// One new participant row from the civil registry's answer and what was entered, the same whether an
// administrator creates the person or the person signs up: the personal number sealed with its keyed hash, the
// diets sealed, a protected address never stored. Answers the id, or undefined when a participant with the same
// number appeared meanwhile (the unique keyed hash; the caller decides what that means).
import type { Transaction } from 'sequelize';
import type { ParsedPersonalNumber } from '../../../../forms/formats/personal-number';
import type { Keyring } from '../../../crypto/keyring';
import type { Database } from '../../../db/database';
import { PersonalNumbers } from '../../../identity/personal-numbers';
import type { RegistryPerson } from '../../../registry/types';
import { select } from '../db';
import { newParticipantId } from './rows';
import { dietKey, sealDiets } from './sealed-diets';

export interface NewParticipant {
  pn: ParsedPersonalNumber;
  person: RegistryPerson;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  dietIds: string[];
  dietNote?: string | null | undefined;
  signupFields: Record<string, unknown>;
  digitalPostExempt?: boolean | undefined;
  /** The citizen's login, when the person signs up themselves. */
  userId?: string | undefined;
}

export async function insertParticipant(db: Database, keyring: Keyring, tx: Transaction, tenantId: string, p: NewParticipant): Promise<string | undefined> {
  const id = newParticipantId();
  const sealed = await new PersonalNumbers(keyring).protect(tx, tenantId, p.pn);
  const diets = sealDiets(await dietKey(keyring, tx, tenantId), tenantId, id, { dietIds: p.dietIds, note: p.dietNote?.trim() || null });
  const { person } = p;
  const address = person.protectedAddress ? { address: null, postalCode: null, city: null } : { address: person.address ?? null, postalCode: person.postalCode ?? null, city: person.city ?? null };
  const inserted = await select<{ id: string }>(
    db,
    tx,
    `INSERT INTO participants (id, tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked,
            given_name, family_name, birth_date, address, postal_code, city, municipality_code, citizenship, protected_address, deceased,
            disenfranchised, registry_checked_at, phone, email, diets_sealed, signup_fields, digital_post_exempt, user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date, $10, $11, $12, $13, $14, $15, $16, $17, now(), $18, $19, $20, $21, $22, $23)
     ON CONFLICT (tenant_id, personal_number_hash) DO NOTHING RETURNING id`,
    [
      id,
      tenantId,
      sealed.country,
      sealed.ciphertext,
      sealed.lookupHash,
      sealed.masked,
      person.givenName,
      person.familyName,
      person.birthDate,
      address.address,
      address.postalCode,
      address.city,
      person.municipalityCode,
      person.citizenship,
      person.protectedAddress,
      person.deceased,
      person.disenfranchised,
      p.phone?.trim() || null,
      p.email?.trim() || null,
      diets,
      JSON.stringify(p.signupFields),
      p.digitalPostExempt ?? false,
      p.userId ?? null,
    ],
  );
  return inserted[0]?.id;
}
