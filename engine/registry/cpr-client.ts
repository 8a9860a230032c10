// The Danish CPR lookup (PNR → person), as a JSON rendering of CPR's person record: POST <base>/cpr/v1/personer/opslag
// with {"PNR": "DDMMYYSSSS"} and HTTP Basic credentials. 200: the person (schemas/registry/cpr-person.schema.json);
// 404 with fejlkode PNR_UKENDT: no such person. The number goes in the body, never in the URL (access logs).
import type { CprError } from '../../schemas/types/registry-cpr-error';
import type { CprPerson } from '../../schemas/types/registry-cpr-person';
import { parseCpr } from '../../forms/formats/personal-number';
import { RegistryBadResponseError } from '../errors';
import { checkAnswer, requestJson, type RegistryClientOptions } from './http';
import type { CivilRegistry, LookupOptions, RegistryPerson } from './types';

export const CPR_LOOKUP_PATH = '/cpr/v1/personer/opslag';
/** CPR status codes this client reads; the others (resident, emigrated, …) all mean alive. */
export const CPR_STATUS = { resident: '01', emigrated: '80', deceased: '90' } as const;

const PROTOCOL = 'cpr';
/** How many single lookups a batch runs at once (CPR has no batch lookup). */
const BATCH_CONCURRENCY = 4;

export function mapCprPerson(p: CprPerson): RegistryPerson {
  const address = p.adressebeskyttelse || !p.adresse ? {} : { address: p.adresse.vejadresse, ...(p.adresse.postnummer ? { postalCode: p.adresse.postnummer } : {}), ...(p.adresse.postdistrikt ? { city: p.adresse.postdistrikt } : {}) };
  return {
    country: 'DK',
    personalNumber: p.CPR,
    givenName: p.navn.fornavn,
    familyName: p.navn.efternavn,
    birthDate: p.foedselsdato,
    ...address,
    // CPR pads the code to 4 digits; Danish municipality codes are 3 (101 København).
    municipalityCode: p.kommunekode.replace(/^0/, ''),
    citizenship: p.statsborgerskab.landekode,
    protectedAddress: p.adressebeskyttelse,
    deceased: p.status === CPR_STATUS.deceased,
    disenfranchised: p.umyndiggjort,
  };
}

export class CprClient implements CivilRegistry {
  readonly name = PROTOCOL;
  readonly country = 'DK' as const;

  constructor(private readonly opts: RegistryClientOptions) {}

  private get authorization(): string {
    return `Basic ${Buffer.from(`${this.opts.credentials.user}:${this.opts.credentials.password}`).toString('base64')}`;
  }

  async lookup(personalNumber: string, _options: LookupOptions): Promise<RegistryPerson | undefined> {
    const parsed = parseCpr(personalNumber);
    if (!parsed) return undefined;
    const res = await requestJson(PROTOCOL, this.opts, CPR_LOOKUP_PATH, { headers: { authorization: this.authorization }, body: { PNR: parsed.canonical } });
    if (res.status === 404) {
      const error = checkAnswer<CprError>(PROTOCOL, 'registry/cpr-error.schema.json', res.body);
      if (error.fejlkode === 'PNR_UKENDT') return undefined;
      throw new RegistryBadResponseError(`The cpr registry answered 404 with error code ${JSON.stringify(error.fejlkode.slice(0, 40))}.`);
    }
    if (res.status !== 200) throw new RegistryBadResponseError(`The cpr registry answered ${res.status}.`);
    const person = checkAnswer<CprPerson>(PROTOCOL, 'registry/cpr-person.schema.json', res.body);
    // An answer about someone else would be a disclosure: refuse it rather than map it.
    if (person.CPR !== parsed.canonical) throw new RegistryBadResponseError('The cpr registry answered about another person than the one asked for.');
    return mapCprPerson(person);
  }

  async lookupMany(personalNumbers: readonly string[], options: LookupOptions): Promise<Map<string, RegistryPerson>> {
    const queue = [...new Set(personalNumbers)];
    const found = new Map<string, RegistryPerson>();
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        try {
          const person = await this.lookup(next, options);
          if (person) found.set(person.personalNumber, person);
        } catch (err) {
          queue.length = 0; // the other workers stop too: the batch has failed
          throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, queue.length) }, worker));
    return found;
  }
}
