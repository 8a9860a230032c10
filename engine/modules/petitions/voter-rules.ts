// Who may vote for a petition: the petition flow's parameters (flow-parameters.ts: the lowest level of assurance
// of the e-ID login, residents of the municipality only, the youngest age), read as VoterRules here. The refusal
// codes are field error codes of a 403, with their texts in the sites' locale files (`codes.petition.voter.*`).
import { DateTime } from 'luxon';
import type { Country } from '../../db/models';
import { zoneOf } from '../../flows/tenant-rules';
import { atLeast } from '../../identity/saml/profiles';
import type { Assurance } from '../../identity/service-providers';
import { DEFAULT_PETITION_PARAMETERS, type PetitionParameters } from './flow-parameters';

export interface VoterRules {
  /** The e-ID login's level of assurance must be at least this. */
  minAssurance: Assurance;
  /** Only people the civil registry has living in the municipality. */
  residentsOnly: boolean;
  /** Age in whole years on the day of the vote, in the tenant's time zone; 0 for none. */
  minAge: number;
}

const ASSURANCE_LEVELS: Record<number, Assurance> = { 1: 'low', 2: 'substantial', 3: 'high' };

/** The flow's parameters as rules (minimumAssurance 1 low, 2 substantial, 3 high; residentsOnly 1 yes, 0 no; minimumAge). */
export function voterRulesOf(parameters: Pick<PetitionParameters, 'minimumAssurance' | 'residentsOnly' | 'minimumAge'>): VoterRules {
  return {
    // An unknown level asks for the highest rather than letting anyone in.
    minAssurance: ASSURANCE_LEVELS[parameters.minimumAssurance] ?? 'high',
    residentsOnly: parameters.residentsOnly !== 0,
    minAge: Math.max(0, parameters.minimumAge),
  };
}

/** The built-in petition flow's rules. */
export const DEFAULT_VOTER_RULES: VoterRules = voterRulesOf(DEFAULT_PETITION_PARAMETERS);

/** Taking a vote back needs no eligibility, only who it was. */
export const ANYONE: VoterRules = { minAssurance: 'low', residentsOnly: false, minAge: 0 };

export const VOTER_REFUSAL_CODES = ['petition.voter.assuranceTooLow', 'petition.voter.underAge', 'petition.voter.notResident'] as const;
export type VoterRefusalCode = (typeof VOTER_REFUSAL_CODES)[number];

export interface VoterRefusal {
  code: VoterRefusalCode;
  params: Record<string, string | number>;
  message: string;
}

/** Whether someone born on `birthDate` (YYYY-MM-DD) is at least `years` old on `today` (YYYY-MM-DD); born 29 Feb, the birthday is 1 March. */
export function hasAge(birthDate: string, years: number, today: string): boolean {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  // Plain date arithmetic (every vote asks): the birthday that year, 1 March for a 29 February without one.
  const birthday = m === 2 && d === 29 && !leap ? `${year}-03-01` : `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return birthday <= today;
}

/** Today's date in the country's time zone, worked out at most once a second per country (every vote asks). */
const todays = new Map<Country, { at: number; date: string }>();
export const todayIn = (country: Country, now: Date = new Date()): string => {
  const second = Math.floor(now.getTime() / 1000);
  const known = todays.get(country);
  if (known?.at === second) return known.date;
  const date = DateTime.fromJSDate(now).setZone(zoneOf(country)).toISODate()!;
  todays.set(country, { at: second, date });
  return date;
};

export function assuranceRefusal(assurance: Assurance, rules: VoterRules): VoterRefusal | undefined {
  return atLeast(assurance, rules.minAssurance)
    ? undefined
    : { code: 'petition.voter.assuranceTooLow', params: { minAssurance: rules.minAssurance }, message: `voting needs an e-ID login of at least ${rules.minAssurance} assurance` };
}

export function ageRefusal(birthDate: string, rules: VoterRules, today: string): VoterRefusal | undefined {
  return rules.minAge <= 0 || hasAge(birthDate, rules.minAge, today)
    ? undefined
    : { code: 'petition.voter.underAge', params: { minAge: rules.minAge }, message: `voting needs an age of at least ${rules.minAge}` };
}

export function residencyRefusal(resident: boolean, rules: VoterRules): VoterRefusal | undefined {
  return !rules.residentsOnly || resident ? undefined : { code: 'petition.voter.notResident', params: {}, message: 'voting is for residents of the municipality' };
}
