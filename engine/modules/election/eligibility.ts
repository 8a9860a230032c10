// Whether a person may hold a task of an election: the ONE function every path asks (assignment, sign-up, the
// weekly registry refresh), so they never disagree. It takes what the civil registry says about the person
// (a RegistryPerson, or the same fields of a participant row), the election type's chosen rules and the task's
// date and tenant, and answers with every reason that fails — not just the first — as codes with params (the
// pages translate `codes.election.*`) and, through describeReason, as a plain sentence in da, sv or en.
// Pure: no database, no clock.
import type { Country } from '../../db/models';
import { residentMunicipalityCode } from '../../registry/municipality';
import type { RegistryPerson } from '../../registry/types';
import { citizenshipAccepted, type CitizenshipScope, type ElectionTypeRule } from './election-type-rules';
import type { ElectionProblemCode } from './errors';

/** What eligibility looks at. A participant row gives the same fields (its personal_number_country as `country`). */
export type EligibilityPerson = Pick<RegistryPerson, 'country' | 'birthDate' | 'municipalityCode' | 'citizenship' | 'deceased' | 'disenfranchised'>;

export interface EligibilityContext {
  /** The task's date, YYYY-MM-DD: age is reckoned on it. */
  taskDate: string;
  /** The tenant's municipality (engine/registry/municipality.ts). */
  municipalityCode: string;
  /** The tenant's country. */
  country: Country;
}

export type EligibilityReason =
  | { code: 'election.deceased'; params: Record<string, never> }
  | { code: 'election.under18'; params: { turns18On: string } }
  | { code: 'election.notResident'; params: Record<string, never> }
  | { code: 'election.notCitizen'; params: { scope: CitizenshipScope; country: Country } }
  | { code: 'election.disenfranchised'; params: Record<string, never> };

/** Fails to compile when a reason's code is missing from ELECTION_PROBLEM_CODES (errors.ts). */
type ProblemCodes<T extends ElectionProblemCode> = T;
export type EligibilityReasonCode = ProblemCodes<EligibilityReason['code']>;

export interface Eligibility {
  eligible: boolean;
  /** Every failing rule's reason, in this order: deceased, under18, notResident, notCitizen, disenfranchised. */
  reasons: EligibilityReason[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: string, what: string): [number, number, number] {
  const m = ISO_DATE.exec(value);
  if (!m) throw new Error(`${what} must be YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) throw new Error(`${what} is no calendar date`);
  return [y, mo, d];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The date someone born on `birthDate` turns `years`, in calendar terms: the same day and month that many years
 * later (born 2008-11-18 → 18 on 2026-11-18). Someone born on 29 February turns a year older on 1 March in a
 * year without one (the later day, so no one counts as 18 a day early; as petitions' voter rules do).
 */
export function birthdayAt(birthDate: string, years: number): string {
  const [y, m, d] = parseDate(birthDate, 'birthDate');
  const year = y + years;
  if (m === 2 && d === 29 && !isLeap(year)) return `${pad(year, 4)}-03-01`;
  return `${pad(year, 4)}-${pad(m)}-${pad(d)}`;
}

/** The context of a task of a tenant in `country`, with the municipality its residents live in. */
export const eligibilityContext = (country: Country, taskDate: string): EligibilityContext => ({ taskDate, country, municipalityCode: residentMunicipalityCode(country) });

/** Whether `person` may hold a task on `context.taskDate` under an election type's `rules` (being alive always counts). */
export function eligibility(person: EligibilityPerson, rules: readonly ElectionTypeRule[], context: EligibilityContext): Eligibility {
  parseDate(context.taskDate, 'taskDate');
  const reasons: EligibilityReason[] = [];
  if (person.deceased) reasons.push({ code: 'election.deceased', params: {} });
  const chosen = <R extends ElectionTypeRule['rule']>(name: R) => rules.find((r): r is Extract<ElectionTypeRule, { rule: R }> => r.rule === name);
  if (chosen('age18')) {
    const turns18On = birthdayAt(person.birthDate, 18);
    if (turns18On > context.taskDate) reasons.push({ code: 'election.under18', params: { turns18On } });
  }
  if (chosen('resident') && !(person.country === context.country && person.municipalityCode === context.municipalityCode)) {
    reasons.push({ code: 'election.notResident', params: {} });
  }
  const citizenship = chosen('citizenship');
  if (citizenship && !citizenshipAccepted(person.citizenship, citizenship.scope, context.country)) {
    reasons.push({ code: 'election.notCitizen', params: { scope: citizenship.scope, country: context.country } });
  }
  if (chosen('notDisenfranchised') && person.disenfranchised) reasons.push({ code: 'election.disenfranchised', params: {} });
  return { eligible: reasons.length === 0, reasons };
}

export type ReasonLocale = 'da' | 'sv' | 'en';

const MONTHS: Record<ReasonLocale, readonly string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A date in words: da `3. december 2026`, sv `3 december 2026`, en `3 December 2026`. */
export function dateInWords(date: string, locale: ReasonLocale): string {
  const [y, m, d] = parseDate(date, 'date');
  return `${d}${locale === 'da' ? '.' : ''} ${MONTHS[locale][m - 1]} ${y}`;
}

/** The country's name and adjective in each language. */
const COUNTRY_WORDS: Record<ReasonLocale, Record<Country, { name: string; adjective: string }>> = {
  da: { DK: { name: 'Danmark', adjective: 'dansk' }, SE: { name: 'Sverige', adjective: 'svensk' } },
  sv: { DK: { name: 'Danmark', adjective: 'dansk' }, SE: { name: 'Sverige', adjective: 'svensk' } },
  en: { DK: { name: 'Denmark', adjective: 'Danish' }, SE: { name: 'Sweden', adjective: 'Swedish' } },
};

/** A reason as a plain sentence, for pages and messages (the person's own or an administrator's language). */
export function describeReason(reason: EligibilityReason, locale: ReasonLocale): string {
  switch (reason.code) {
    case 'election.deceased':
      return { da: 'Er registreret som død i folkeregistret', sv: 'Är registrerad som avliden i folkregistret', en: 'Is registered as deceased in the civil registry' }[locale];
    case 'election.under18': {
      const on = dateInWords(reason.params.turns18On, locale);
      return {
        da: `Er under 18 år på opgavedagen (fylder 18 den ${on})`,
        sv: `Är under 18 år på uppdragsdagen (fyller 18 den ${on})`,
        en: `Is under 18 on the task date (turns 18 on ${on})`,
      }[locale];
    }
    case 'election.notResident':
      return { da: 'Har ikke bopæl i kommunen ifølge folkeregistret', sv: 'Är inte folkbokförd i kommunen', en: 'Is not registered as living in the municipality' }[locale];
    case 'election.notCitizen': {
      const { name, adjective } = COUNTRY_WORDS[locale][reason.params.country];
      if (reason.params.scope === 'national') {
        return { da: `Er ikke ${adjective} statsborger`, sv: `Är inte ${adjective} medborgare`, en: `Is not a ${adjective} citizen` }[locale];
      }
      return {
        da: `Er ikke statsborger i ${name}, et andet EU-land eller et nordisk land`,
        sv: `Är inte medborgare i ${name}, ett annat EU-land eller ett nordiskt land`,
        en: `Is not a citizen of ${name}, another EU country or a Nordic country`,
      }[locale];
    }
    case 'election.disenfranchised':
      return { da: 'Har mistet valgretten', sv: 'Har förlorat rösträtten', en: 'Has lost the right to vote' }[locale];
  }
}

/** Every reason as a sentence, in order. */
export const describeReasons = (reasons: readonly EligibilityReason[], locale: ReasonLocale): string[] => reasons.map((r) => describeReason(r, locale));
