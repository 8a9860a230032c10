// Protected addresses (navne- og adressebeskyttelse, skyddad folkbokföring) are masked everywhere they would
// show: the registry adapter never hands them over and the table keeps none (a CHECK), and every shape that
// carries an address goes through here, so an address that somehow got stored next to the flag still never
// leaves the module.
import type { Locale } from '../../../db/models';

export interface AddressFields {
  protected_address: boolean;
  address: string | null;
  postal_code: string | null;
  city: string | null;
}

export interface ShownAddress {
  street: string;
  postalCode: string;
  city: string;
}

/** The address as it may be shown: null when protected (or when the registry had none). */
export function shownAddress(row: AddressFields): ShownAddress | null {
  if (row.protected_address) return null;
  if (row.address === null && row.postal_code === null && row.city === null) return null;
  return { street: row.address ?? '', postalCode: row.postal_code ?? '', city: row.city ?? '' };
}

/** What a list or an export cell says in place of a protected address. */
export const PROTECTED_ADDRESS_TEXT: Record<Locale, string> = {
  da: 'Beskyttet adresse',
  sv: 'Skyddad adress',
  en: 'Protected address',
};

/** The registry's answer for the create form's preview, with a protected address left out whatever it said. */
export function maskRegistryAddress<T extends { protectedAddress: boolean; address?: string; postalCode?: string; city?: string }>(person: T): Omit<T, 'address' | 'postalCode' | 'city'> & Partial<Pick<T, 'address' | 'postalCode' | 'city'>> {
  if (!person.protectedAddress) return person;
  const { address: _a, postalCode: _p, city: _c, ...rest } = person;
  return rest;
}
