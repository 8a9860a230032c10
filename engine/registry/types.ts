// The civil registry as the platform sees it: one interface, one shape of a person, whatever the country.
// Implementations: cpr-client.ts (the Danish CPR) and navet-client.ts (the Swedish population register), both
// over HTTP; in development and tests they talk to engine/simulators/registry-server.ts. Which one a tenant
// uses follows its country (index.ts). Modules do not call these directly: they get an AuditedRegistry
// (audited.ts), which writes the audit row every lookup needs.
import type { Country } from '../db/models';

/** What the registry says about one person, mapped from its own protocol. */
export interface RegistryPerson {
  /** The registry that answered. */
  country: Country;
  /** Canonical: DK `DDMMYYSSSS`, SE `YYYYMMDDNNNC`. Personal data: never log it. */
  personalNumber: string;
  /** First and middle names. */
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** The street line (`Algade 12`); absent when the address is protected, and then so are postal code and city. */
  address?: string;
  /** DK `4000`, SE `123 45`. */
  postalCode?: string;
  city?: string;
  /** DK: 3 digits (kommunekode, `101`); SE: 4 digits (kommunkod, `0180`). Where the person is registered as living. */
  municipalityCode: string;
  /** ISO 3166-1 alpha-2. */
  citizenship: string;
  /** Navne- og adressebeskyttelse / skyddad folkbokföring: the address must always be masked. */
  protectedAddress: boolean;
  deceased: boolean;
  /** Has lost the right to vote (DK: deprived of legal capacity). Sweden has no such loss: always false there. */
  disenfranchised: boolean;
}

/**
 * Why a lookup is made, recorded in its audit row: `<area>.<reason>` in camelCase, e.g. `participant.create`,
 * `vote.residency`, `eligibility.refresh`. The caller (a module) names its own.
 */
export type RegistryPurpose = string;

export const PURPOSE_PATTERN = /^[a-z][a-zA-Z0-9]{0,40}(\.[a-z][a-zA-Z0-9]{0,40}){1,3}$/;

export interface LookupOptions {
  purpose: RegistryPurpose;
}

export interface CivilRegistry {
  /** Which protocol this is (`cpr`, `navet`), as the audit row names it. */
  readonly name: string;
  readonly country: Country;
  /**
   * The person, or undefined when the registry knows no such person (also when the number is not a valid
   * number of this registry's country). Throws RegistryUnavailableError (not reachable, timed out, 5xx after
   * the retries, credentials refused) or RegistryBadResponseError (an answer outside the protocol).
   */
  lookup(personalNumber: string, options: LookupOptions): Promise<RegistryPerson | undefined>;
  /** Several at once (the weekly refresh): canonical number → person, for those the registry knows. */
  lookupMany(personalNumbers: readonly string[], options: LookupOptions): Promise<Map<string, RegistryPerson>>;
}

/** The registry of each country the platform serves; a tenant uses its country's. */
export interface CivilRegistries {
  for(country: Country): CivilRegistry;
}
