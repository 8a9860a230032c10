// A participant's standing in the civil registry as one word, in this order of precedence: deceased,
// disenfranchised (DK: deprived of legal capacity), movedAway (registered in another municipality than the
// tenant's), else ok. The same rule in TypeScript (for rows) and SQL (for the list's filter).
import type { Country } from '../../../db/models';
import { residentMunicipalityCode } from '../../../registry/municipality';

export const REGISTRY_STATUSES = ['ok', 'deceased', 'disenfranchised', 'movedAway'] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

export function registryStatusOf(row: { deceased: boolean; disenfranchised: boolean; municipality_code: string; personal_number_country: Country }): RegistryStatus {
  if (row.deceased) return 'deceased';
  if (row.disenfranchised) return 'disenfranchised';
  if (row.municipality_code !== residentMunicipalityCode(row.personal_number_country)) return 'movedAway';
  return 'ok';
}

/** The WHERE condition for one status; `home()` gives the bind placeholder of the tenant's municipality code (asked only when used). */
export function registryStatusSql(status: RegistryStatus, home: () => string, p = 'p'): string {
  switch (status) {
    case 'deceased':
      return `${p}.deceased`;
    case 'disenfranchised':
      return `(NOT ${p}.deceased AND ${p}.disenfranchised)`;
    case 'movedAway':
      return `(NOT ${p}.deceased AND NOT ${p}.disenfranchised AND ${p}.municipality_code <> ${home()})`;
    case 'ok':
      return `(NOT ${p}.deceased AND NOT ${p}.disenfranchised AND ${p}.municipality_code = ${home()})`;
  }
}
