// The eligibility rules an election type may choose (stored in election_types.rules, checked by eligibility.ts),
// their validation, and the rules a new tenant's election types start with. Being alive is not on the list: it is
// always applied.
//
// Citizenship, scope `nationalEuNordic`: the tenant's country, the 27 EU member states and the Nordic countries
// (DK, SE, NO, FI, IS). The registries report citizenship as an ISO 3166-1 country, so the self-governing
// territories are decided here: the Faroe Islands (FO) and Greenland (GL) have no citizenship of their own (their
// people are Danish citizens) and Åland (AX) none either (Finnish citizens); should a registry ever answer with
// one of those codes, it is read as Danish (FO, GL) or Finnish (AX). So FO and GL also count as "national" for a
// Danish tenant, and all three count in `nationalEuNordic`. Greece is ISO `GR` (the EU's own `EL` is no ISO code).
import type { Country } from '../../db/models';
import { ValidationError } from '../../errors';
import { fieldError, type CodedFieldError } from '../../../forms/validation';

export const CHOOSABLE_RULES = ['age18', 'resident', 'citizenship', 'notDisenfranchised'] as const;
export type ElectionTypeRuleName = (typeof CHOOSABLE_RULES)[number];

export const CITIZENSHIP_SCOPES = ['national', 'nationalEuNordic'] as const;
export type CitizenshipScope = (typeof CITIZENSHIP_SCOPES)[number];

export type ElectionTypeRule =
  | { rule: 'age18' }
  | { rule: 'resident' }
  | { rule: 'citizenship'; scope: CitizenshipScope }
  | { rule: 'notDisenfranchised' };

/** At most this many rules (there are only four, each at most once; the schema says the same). */
export const MAX_RULES = 10;

export const EU_MEMBER_STATES: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
];

export const NORDIC_COUNTRIES: readonly string[] = ['DK', 'SE', 'NO', 'FI', 'IS'];

/** Territories whose people hold the citizenship of another country (see the comment at the top). */
const TERRITORY_CITIZENSHIP: Readonly<Record<string, string>> = { FO: 'DK', GL: 'DK', AX: 'FI' };

/** The citizenship a registry's country code stands for: FO/GL → DK, AX → FI, anything else itself. */
export const citizenshipOf = (code: string): string => TERRITORY_CITIZENSHIP[code.toUpperCase()] ?? code.toUpperCase();

/** Whether a citizenship (ISO 3166-1 alpha-2) satisfies the citizenship rule of a tenant in `country`. */
export function citizenshipAccepted(citizenship: string, scope: CitizenshipScope, country: Country): boolean {
  const c = citizenshipOf(citizenship);
  if (c === country) return true;
  return scope === 'nationalEuNordic' && (EU_MEMBER_STATES.includes(c) || NORDIC_COUNTRIES.includes(c));
}

/**
 * The rules of an election type as given (a request body's `rules`, a stored row): a fresh, typed copy, or a
 * ValidationError naming every bad entry by its index (`<prefix>/2/rule`). Mirrors
 * schemas/election/election-type-rules.schema.json, which cannot say "each rule at most once" by itself
 * (`uniqueItems` only catches identical entries): that is `election.ruleRepeated` here.
 */
export function validateElectionTypeRules(input: unknown, prefix = ''): ElectionTypeRule[] {
  const at = (path: string) => `${prefix}${path}` || '/';
  if (!Array.isArray(input)) throw new ValidationError([fieldError(at(''), 'schema.type', { type: 'array' }, 'must be array')]);
  const problems: CodedFieldError[] = [];
  if (input.length > MAX_RULES) problems.push(fieldError(at(''), 'schema.maxItems', { limit: MAX_RULES }, `must NOT have more than ${MAX_RULES} items`));
  const rules: ElectionTypeRule[] = [];
  const firstIndex = new Map<string, number>();
  input.slice(0, MAX_RULES).forEach((item: unknown, i) => {
    const here = `/${i}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(fieldError(at(here), 'schema.type', { type: 'object' }, 'must be object'));
      return;
    }
    const entry = item as Record<string, unknown>;
    const before = problems.length;
    const { rule, scope } = entry;
    if (rule === undefined) problems.push(fieldError(at(here + '/rule'), 'schema.required', { missingProperty: 'rule' }, "must have required property 'rule'"));
    else if (typeof rule !== 'string' || !(CHOOSABLE_RULES as readonly string[]).includes(rule)) {
      problems.push(fieldError(at(here + '/rule'), 'schema.enum', { allowedValues: [...CHOOSABLE_RULES] }, 'must be equal to one of the allowed values'));
    }
    const allowed = rule === 'citizenship' ? ['rule', 'scope'] : ['rule'];
    for (const key of Object.keys(entry).filter((k) => !allowed.includes(k))) {
      problems.push(fieldError(at(`${here}/${key}`), 'schema.additionalProperties', { additionalProperty: key }, 'must NOT have additional properties'));
    }
    if (rule === 'citizenship') {
      if (scope === undefined) problems.push(fieldError(at(here + '/scope'), 'schema.required', { missingProperty: 'scope' }, "must have required property 'scope'"));
      else if (typeof scope !== 'string' || !(CITIZENSHIP_SCOPES as readonly string[]).includes(scope)) {
        problems.push(fieldError(at(here + '/scope'), 'schema.enum', { allowedValues: [...CITIZENSHIP_SCOPES] }, 'must be equal to one of the allowed values'));
      }
    }
    if (problems.length > before) return;
    const name = rule as ElectionTypeRuleName;
    const first = firstIndex.get(name);
    if (first !== undefined) {
      problems.push(fieldError(at(here + '/rule'), 'election.ruleRepeated', { rule: name, firstIndex: first }, `rule ${name} is already chosen at index ${first}`));
      return;
    }
    firstIndex.set(name, i);
    rules.push(name === 'citizenship' ? { rule: name, scope: scope as CitizenshipScope } : ({ rule: name } as ElectionTypeRule));
  });
  if (problems.length) throw new ValidationError(problems);
  return rules;
}

export interface DefaultElectionType {
  name: string;
  rules: ElectionTypeRule[];
}

/**
 * The election types a new tenant starts with, and their rules. Administrators change them at will; these follow
 * who may staff a polling station by law, as far as the registry's data can tell.
 *
 * Denmark: valgstyrere and tilforordnede vælgere must have the right to vote at the election in question.
 * - Folketingsvalg (and referendums): Danish citizens of 18, living in the realm, not deprived of legal capacity
 *   (Grundloven § 29); the municipality staffs with its own voters, hence `resident`.
 * - Kommunal- og regionsrådsvalg: also citizens of EU and Nordic countries living in the municipality. Since 2016
 *   people deprived of legal capacity vote at local (and European) elections, so `notDisenfranchised` is left
 *   out. Citizens of other countries also vote after some years' residence in the realm; the registry's data here
 *   cannot tell how long someone has lived here, so such a person is refused by `nationalEuNordic` and an
 *   administrator who wants them drops the citizenship rule.
 *
 * Sweden: the vallag (2005:837) asks of a röstmottagare to be 18 or older, trained and impartial; as we read it, it
 * asks neither citizenship nor folkbokföring in the municipality (municipalities recruit students and neighbours
 * too), and a Swedish registry knows no loss of the right to vote. So "Allmänna val" has `age18` only; a
 * municipality that wants local staff adds `resident` (folkbokförd in the municipality).
 */
export const DEFAULT_ELECTION_TYPES: Readonly<Record<Country, readonly DefaultElectionType[]>> = {
  DK: [
    {
      name: 'Folketingsvalg',
      rules: [{ rule: 'age18' }, { rule: 'resident' }, { rule: 'citizenship', scope: 'national' }, { rule: 'notDisenfranchised' }],
    },
    {
      name: 'Folkeafstemning',
      rules: [{ rule: 'age18' }, { rule: 'resident' }, { rule: 'citizenship', scope: 'national' }, { rule: 'notDisenfranchised' }],
    },
    {
      name: 'Kommunal- og regionsrådsvalg',
      rules: [{ rule: 'age18' }, { rule: 'resident' }, { rule: 'citizenship', scope: 'nationalEuNordic' }],
    },
  ],
  SE: [{ name: 'Allmänna val', rules: [{ rule: 'age18' }] }],
};

/** A fresh copy of the default election types of a tenant in `country`. */
export const defaultElectionTypes = (country: Country): DefaultElectionType[] => structuredClone(DEFAULT_ELECTION_TYPES[country]) as DefaultElectionType[];
