// The Swedish population register (Navet), as a JSON rendering of its Folkbokföringspost: POST
// <base>/navet/v1/folkbokforingsposter with {"Bestallningsidentitet": …, "PersonNr": ["YYYYMMDDNNNC", …]} and the
// API gateway's client_id / client_secret headers. 200: one Folkbokforingspost per person it knows
// (schemas/registry/navet-response.schema.json), none for a number it does not. Numbers go in the body only.
import type { NavetResponse, Personpost } from '../../schemas/types/registry-navet-response';
import { parsePersonnummer } from '../../forms/formats/personal-number';
import { RegistryBadResponseError } from '../errors';
import { checkAnswer, requestJson, type RegistryClientOptions } from './http';
import type { CivilRegistry, LookupOptions, RegistryPerson } from './types';

export const NAVET_LOOKUP_PATH = '/navet/v1/folkbokforingsposter';
/** Navet's reasons for a deregistration (AvregistreringsorsakKod) this client reads. */
export const NAVET_DEREGISTRATION = { deceased: 'AV', emigrated: 'UV' } as const;
/** Most numbers one order may carry. */
export const NAVET_MAX_PER_ORDER = 100;

const PROTOCOL = 'navet';

/** Navet writes the post town in capitals (SMÅKÖPING); people read Småköping. */
function postTown(postort: string): string {
  return postort.toLocaleLowerCase('sv').replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, first: string) => sep + first.toLocaleUpperCase('sv'));
}

export function mapNavetPerson(p: Personpost): RegistryPerson {
  const protectedAddress = p.SkyddadFolkbokforing === 'J' || p.Sekretessmarkering === 'J';
  const a = p.Adresser?.Folkbokforingsadress;
  const address = protectedAddress || !a ? {} : { address: a.Utdelningsadress2, ...(a.PostNr ? { postalCode: `${a.PostNr.slice(0, 3)} ${a.PostNr.slice(3)}` } : {}), ...(a.Postort ? { city: postTown(a.Postort) } : {}) };
  const d = p.Fodelsedatum;
  return {
    country: 'SE',
    personalNumber: p.PersonId.PersonNr,
    givenName: p.Namn.Fornamn,
    familyName: p.Namn.Efternamn,
    birthDate: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
    ...address,
    municipalityCode: p.Folkbokforing.LanKod + p.Folkbokforing.KommunKod,
    citizenship: p.Medborgarskap.MedborgarskapslandKod,
    protectedAddress,
    deceased: p.Avregistrering?.AvregistreringsorsakKod === NAVET_DEREGISTRATION.deceased,
    disenfranchised: false,
  };
}

export class NavetClient implements CivilRegistry {
  readonly name = PROTOCOL;
  readonly country = 'SE' as const;

  constructor(private readonly opts: RegistryClientOptions) {}

  private async order(numbers: string[]): Promise<Map<string, RegistryPerson>> {
    const res = await requestJson(PROTOCOL, this.opts, NAVET_LOOKUP_PATH, {
      headers: { client_id: this.opts.credentials.user, client_secret: this.opts.credentials.password },
      body: { Bestallningsidentitet: this.opts.credentials.user, PersonNr: numbers },
    });
    if (res.status !== 200) throw new RegistryBadResponseError(`The navet registry answered ${res.status}.`);
    const answer = checkAnswer<NavetResponse>(PROTOCOL, 'registry/navet-response.schema.json', res.body);
    const asked = new Set(numbers);
    const found = new Map<string, RegistryPerson>();
    for (const post of answer.Folkbokforingsposter) {
      const person = mapNavetPerson(post.Personpost);
      // A record nobody asked for would be a disclosure: refuse the answer rather than map it.
      if (!asked.has(person.personalNumber)) throw new RegistryBadResponseError('The navet registry answered about a person not asked for.');
      found.set(person.personalNumber, person);
    }
    return found;
  }

  async lookup(personalNumber: string, _options: LookupOptions): Promise<RegistryPerson | undefined> {
    const parsed = parsePersonnummer(personalNumber);
    if (!parsed) return undefined;
    return (await this.order([parsed.canonical])).get(parsed.canonical);
  }

  async lookupMany(personalNumbers: readonly string[], _options: LookupOptions): Promise<Map<string, RegistryPerson>> {
    const canonical = [...new Set(personalNumbers.map((n) => parsePersonnummer(n)?.canonical).filter((n): n is string => n !== undefined))];
    const found = new Map<string, RegistryPerson>();
    for (let i = 0; i < canonical.length; i += NAVET_MAX_PER_ORDER) {
      for (const [k, v] of await this.order(canonical.slice(i, i + NAVET_MAX_PER_ORDER))) found.set(k, v);
    }
    return found;
  }
}
