// Which municipality (its code in the civil registry) a tenant's residents live in, and whether a person the
// registry answered for is one of them. TODO: a tenant setting (tenants have no municipality code yet); until
// then the fictional municipality the registry simulator's people live in (Korsbæk 999, Småköping 9999,
// engine/simulators/test-people.json), for every tenant of the country.
import type { Country } from '../db/models';
import type { RegistryPerson } from './types';

export function residentMunicipalityCode(country: Country): string {
  return country === 'DK' ? '999' : '9999';
}

/** Alive and registered in the tenant's municipality. */
export const isResident = (person: RegistryPerson | undefined): boolean => person !== undefined && !person.deceased && person.municipalityCode === residentMunicipalityCode(person.country);
