// Eligibility of election staff (engine/modules/election/eligibility.ts) over the synthetic people of the registry
// simulator (engine/simulators/test-people.json), each by id: every rule passing and failing with its reason and
// params, several reasons at once, age on the exact birthday, the Swedish equivalents, the sentences in da/sv/en;
// and the rules an election type may choose (election-type-rules.ts) against their JSON Schema. Pure: no database.
import da from '../../admin-ui/src/locales/da.json';
import en from '../../admin-ui/src/locales/en.json';
import sv from '../../admin-ui/src/locales/sv.json';
import { ValidationError } from '../../engine/errors';
import {
  citizenshipAccepted,
  DEFAULT_ELECTION_TYPES,
  defaultElectionTypes,
  validateElectionTypeRules,
  type ElectionTypeRule,
} from '../../engine/modules/election/election-type-rules';
import {
  birthdayAt,
  dateInWords,
  describeReason,
  eligibility,
  eligibilityContext,
  type EligibilityPerson,
  type EligibilityReason,
} from '../../engine/modules/election/eligibility';
import { ELECTION_PROBLEM_CODES } from '../../engine/modules/election/errors';
import { testPeople } from '../../engine/simulators/test-people';
import { fieldErrorsOf, validate } from '../../engine/validation';

/** A test citizen by id, as eligibility sees them (the registry's fields). */
function person(id: string): EligibilityPerson {
  const c = testPeople.citizens.find((p) => p.id === id);
  if (!c) throw new Error(`no test person ${id}`);
  return { country: c.country, birthDate: c.birthDate, municipalityCode: c.municipalityCode, citizenship: c.citizenship, deceased: c.deceased, disenfranchised: c.disenfranchised };
}

const rulesOf = (country: 'DK' | 'SE', name: string): ElectionTypeRule[] => {
  const type = DEFAULT_ELECTION_TYPES[country].find((t) => t.name === name);
  if (!type) throw new Error(`no default type ${name}`);
  return type.rules;
};
const folketingsvalg = rulesOf('DK', 'Folketingsvalg');
const kommunalvalg = rulesOf('DK', 'Kommunal- og regionsrådsvalg');
const allmannaVal = rulesOf('SE', 'Allmänna val');
const every = (scope: 'national' | 'nationalEuNordic'): ElectionTypeRule[] => [{ rule: 'age18' }, { rule: 'resident' }, { rule: 'citizenship', scope }, { rule: 'notDisenfranchised' }];

const taskDate = '2026-11-03';
const dk = eligibilityContext('DK', taskDate);
const se = eligibilityContext('SE', taskDate);
const codes = (r: { reasons: EligibilityReason[] }) => r.reasons.map((x) => x.code);

describe('the context', () => {
  it("takes the tenant's municipality from the registry's municipality of each country", () => {
    expect(dk).toEqual({ taskDate, country: 'DK', municipalityCode: '999' });
    expect(se).toEqual({ taskDate, country: 'SE', municipalityCode: '9999' });
  });
});

describe('Danish people', () => {
  it('an adult resident Danish citizen (dk-agnes, dk-mads) is eligible under every rule', () => {
    for (const id of ['dk-agnes', 'dk-mads']) {
      expect(eligibility(person(id), every('national'), dk)).toEqual({ eligible: true, reasons: [] });
      expect(eligibility(person(id), kommunalvalg, dk)).toEqual({ eligible: true, reasons: [] });
    }
  });

  it('a protected address (dk-elisabeth) has nothing to do with eligibility', () => {
    expect(eligibility(person('dk-elisabeth'), every('national'), dk)).toEqual({ eligible: true, reasons: [] });
  });

  it('age18: the minor dk-ellen (born 2012-04-17) is refused with the day she turns 18; without the rule she passes', () => {
    expect(eligibility(person('dk-ellen'), [{ rule: 'age18' }], dk)).toEqual({ eligible: false, reasons: [{ code: 'election.under18', params: { turns18On: '2030-04-17' } }] });
    expect(eligibility(person('dk-ellen'), folketingsvalg, dk)).toEqual({ eligible: false, reasons: [{ code: 'election.under18', params: { turns18On: '2030-04-17' } }] });
    expect(eligibility(person('dk-ellen'), [{ rule: 'resident' }, { rule: 'citizenship', scope: 'national' }, { rule: 'notDisenfranchised' }], dk).eligible).toBe(true);
  });

  it('age18 is reckoned on the task date, in calendar terms: 18 on the birthday itself, not the day before', () => {
    const ellen = person('dk-ellen');
    expect(eligibility(ellen, [{ rule: 'age18' }], { ...dk, taskDate: '2030-04-16' })).toEqual({ eligible: false, reasons: [{ code: 'election.under18', params: { turns18On: '2030-04-17' } }] });
    expect(eligibility(ellen, [{ rule: 'age18' }], { ...dk, taskDate: '2030-04-17' })).toEqual({ eligible: true, reasons: [] });
    expect(eligibility(ellen, [{ rule: 'age18' }], { ...dk, taskDate: '2030-04-18' })).toEqual({ eligible: true, reasons: [] });
    // The example: born 2008-11-18 is 18 on 2026-11-18.
    const born2008 = { ...ellen, birthDate: '2008-11-18' };
    expect(eligibility(born2008, [{ rule: 'age18' }], { ...dk, taskDate: '2026-11-17' }).reasons).toEqual([{ code: 'election.under18', params: { turns18On: '2026-11-18' } }]);
    expect(eligibility(born2008, [{ rule: 'age18' }], { ...dk, taskDate: '2026-11-18' }).eligible).toBe(true);
  });

  it('age18 for someone born on 29 February: 1 March in a year without one, 29 February in a leap year', () => {
    expect(birthdayAt('2008-02-29', 18)).toBe('2026-03-01');
    expect(birthdayAt('2010-02-28', 18)).toBe('2028-02-28');
    expect(birthdayAt('2012-02-29', 18)).toBe('2030-03-01');
    expect(birthdayAt('2016-02-29', 18)).toBe('2034-03-01');
    expect(birthdayAt('2000-02-29', 24)).toBe('2024-02-29');
    const leapling = { ...person('dk-agnes'), birthDate: '2008-02-29' };
    expect(eligibility(leapling, [{ rule: 'age18' }], { ...dk, taskDate: '2026-02-28' }).reasons).toEqual([{ code: 'election.under18', params: { turns18On: '2026-03-01' } }]);
    expect(eligibility(leapling, [{ rule: 'age18' }], { ...dk, taskDate: '2026-03-01' }).eligible).toBe(true);
  });

  it('resident: dk-maude lives in København (101), not in Korsbæk (999)', () => {
    expect(eligibility(person('dk-maude'), [{ rule: 'resident' }], dk)).toEqual({ eligible: false, reasons: [{ code: 'election.notResident', params: {} }] });
    expect(eligibility(person('dk-maude'), folketingsvalg, dk)).toEqual({ eligible: false, reasons: [{ code: 'election.notResident', params: {} }] });
    expect(eligibility(person('dk-maude'), [{ rule: 'age18' }, { rule: 'citizenship', scope: 'national' }], dk).eligible).toBe(true);
    // The same person, tenant of her own municipality: resident.
    expect(eligibility(person('dk-maude'), [{ rule: 'resident' }], { ...dk, municipalityCode: '101' }).eligible).toBe(true);
  });

  it("resident: someone of the other country's registry is never resident, whatever the municipality code", () => {
    expect(eligibility(person('se-anna'), [{ rule: 'resident' }], dk).reasons).toEqual([{ code: 'election.notResident', params: {} }]);
    expect(eligibility({ ...person('se-anna'), municipalityCode: '999' }, [{ rule: 'resident' }], dk).reasons).toEqual([{ code: 'election.notResident', params: {} }]);
  });

  it('citizenship national: dk-kristen (Swedish citizen in Korsbæk) is refused; nationalEuNordic lets him in', () => {
    expect(eligibility(person('dk-kristen'), [{ rule: 'citizenship', scope: 'national' }], dk)).toEqual({
      eligible: false,
      reasons: [{ code: 'election.notCitizen', params: { scope: 'national', country: 'DK' } }],
    });
    expect(eligibility(person('dk-kristen'), folketingsvalg, dk).reasons).toEqual([{ code: 'election.notCitizen', params: { scope: 'national', country: 'DK' } }]);
    expect(eligibility(person('dk-kristen'), kommunalvalg, dk)).toEqual({ eligible: true, reasons: [] });
  });

  it('citizenship nationalEuNordic refuses a citizen of a country neither in the EU nor Nordic', () => {
    const american = { ...person('dk-kristen'), citizenship: 'US' };
    expect(eligibility(american, kommunalvalg, dk)).toEqual({ eligible: false, reasons: [{ code: 'election.notCitizen', params: { scope: 'nationalEuNordic', country: 'DK' } }] });
    const british = { ...person('dk-kristen'), citizenship: 'GB' };
    expect(eligibility(british, kommunalvalg, dk).reasons).toEqual([{ code: 'election.notCitizen', params: { scope: 'nationalEuNordic', country: 'DK' } }]);
    for (const c of ['DE', 'GR', 'PL', 'NO', 'IS', 'FI']) expect(eligibility({ ...american, citizenship: c }, kommunalvalg, dk).eligible).toBe(true);
  });

  it('citizenship: the Faroe Islands and Greenland count as Danish, Åland as Finnish', () => {
    expect(citizenshipAccepted('FO', 'national', 'DK')).toBe(true);
    expect(citizenshipAccepted('GL', 'national', 'DK')).toBe(true);
    expect(citizenshipAccepted('AX', 'national', 'DK')).toBe(false);
    expect(citizenshipAccepted('AX', 'nationalEuNordic', 'DK')).toBe(true);
    expect(citizenshipAccepted('FO', 'national', 'SE')).toBe(false);
    expect(citizenshipAccepted('GL', 'nationalEuNordic', 'SE')).toBe(true);
    expect(citizenshipAccepted('dk', 'national', 'DK')).toBe(true);
  });

  it('notDisenfranchised: dk-albert has lost the right to vote; the local-election default does not ask it', () => {
    expect(eligibility(person('dk-albert'), [{ rule: 'notDisenfranchised' }], dk)).toEqual({ eligible: false, reasons: [{ code: 'election.disenfranchised', params: {} }] });
    expect(eligibility(person('dk-albert'), folketingsvalg, dk).reasons).toEqual([{ code: 'election.disenfranchised', params: {} }]);
    expect(eligibility(person('dk-albert'), kommunalvalg, dk)).toEqual({ eligible: true, reasons: [] });
  });

  it('alive is always applied: dk-hans-christian is refused even by an election type with no rules', () => {
    expect(eligibility(person('dk-hans-christian'), [], dk)).toEqual({ eligible: false, reasons: [{ code: 'election.deceased', params: {} }] });
    expect(eligibility(person('dk-hans-christian'), every('national'), dk)).toEqual({ eligible: false, reasons: [{ code: 'election.deceased', params: {} }] });
  });

  it('no rules: every living person, of any age, place or citizenship, is eligible', () => {
    for (const c of testPeople.citizens) expect(eligibility(person(c.id), [], c.country === 'DK' ? dk : se).eligible).toBe(!c.deceased);
  });
});

describe('several reasons at once', () => {
  it('gives every failing rule its reason, in a fixed order whatever the order of the rules', () => {
    const everything: EligibilityPerson = { country: 'DK', birthDate: '2010-12-03', municipalityCode: '101', citizenship: 'US', deceased: true, disenfranchised: true };
    const expected: EligibilityReason[] = [
      { code: 'election.deceased', params: {} },
      { code: 'election.under18', params: { turns18On: '2028-12-03' } },
      { code: 'election.notResident', params: {} },
      { code: 'election.notCitizen', params: { scope: 'nationalEuNordic', country: 'DK' } },
      { code: 'election.disenfranchised', params: {} },
    ];
    expect(eligibility(everything, every('nationalEuNordic'), dk)).toEqual({ eligible: false, reasons: expected });
    expect(eligibility(everything, [...every('nationalEuNordic')].reverse(), dk)).toEqual({ eligible: false, reasons: expected });
  });

  it('real people: se-lars at a Danish election fails residence and citizenship; dk-ellen in a Swedish tenant fails age, residence and citizenship', () => {
    expect(codes(eligibility(person('se-lars'), folketingsvalg, dk))).toEqual(['election.notResident', 'election.notCitizen']);
    expect(eligibility(person('dk-ellen'), every('national'), se).reasons).toEqual([
      { code: 'election.under18', params: { turns18On: '2030-04-17' } },
      { code: 'election.notResident', params: {} },
      { code: 'election.notCitizen', params: { scope: 'national', country: 'SE' } },
    ]);
  });

  it('a minor Swedish citizen in Korsbæk at a Danish general election: under 18 and not Danish', () => {
    const child = { ...person('dk-ellen'), citizenship: 'SE' };
    expect(codes(eligibility(child, folketingsvalg, dk))).toEqual(['election.under18', 'election.notCitizen']);
  });
});

describe('Swedish people (personnummer, folkbokförd in the municipality)', () => {
  it('the default "Allmänna val" asks 18 years only: residents, non-residents and Norwegians of age are eligible', () => {
    expect(allmannaVal).toEqual([{ rule: 'age18' }]);
    for (const id of ['se-anna', 'se-erik', 'se-lars', 'se-karin', 'se-ola']) expect(eligibility(person(id), allmannaVal, se)).toEqual({ eligible: true, reasons: [] });
  });

  it('age18: se-maja (born 2015-03-04) turns 18 on 2033-03-04', () => {
    expect(eligibility(person('se-maja'), allmannaVal, se)).toEqual({ eligible: false, reasons: [{ code: 'election.under18', params: { turns18On: '2033-03-04' } }] });
    expect(eligibility(person('se-maja'), allmannaVal, { ...se, taskDate: '2033-03-03' }).eligible).toBe(false);
    expect(eligibility(person('se-maja'), allmannaVal, { ...se, taskDate: '2033-03-04' }).eligible).toBe(true);
  });

  it('resident: se-lars is folkbokförd in Stockholm (0180), not in Småköping (9999)', () => {
    expect(eligibility(person('se-lars'), [{ rule: 'age18' }, { rule: 'resident' }], se)).toEqual({ eligible: false, reasons: [{ code: 'election.notResident', params: {} }] });
    expect(eligibility(person('se-anna'), [{ rule: 'age18' }, { rule: 'resident' }], se).eligible).toBe(true);
  });

  it('citizenship: se-ola (Norwegian) is not Swedish but is Nordic', () => {
    expect(eligibility(person('se-ola'), [{ rule: 'citizenship', scope: 'national' }], se)).toEqual({
      eligible: false,
      reasons: [{ code: 'election.notCitizen', params: { scope: 'national', country: 'SE' } }],
    });
    expect(eligibility(person('se-ola'), [{ rule: 'citizenship', scope: 'nationalEuNordic' }], se).eligible).toBe(true);
    expect(eligibility(person('se-anna'), [{ rule: 'citizenship', scope: 'national' }], se).eligible).toBe(true);
  });

  it('deceased: se-gustav, under every rule set', () => {
    expect(eligibility(person('se-gustav'), allmannaVal, se)).toEqual({ eligible: false, reasons: [{ code: 'election.deceased', params: {} }] });
    expect(eligibility(person('se-gustav'), [], se).reasons).toEqual([{ code: 'election.deceased', params: {} }]);
  });

  it('notDisenfranchised passes every Swedish person (Sweden knows no loss of the right to vote)', () => {
    for (const c of testPeople.citizens.filter((p) => p.country === 'SE' && !p.deceased)) {
      expect(eligibility(person(c.id), [{ rule: 'notDisenfranchised' }], se).eligible).toBe(true);
    }
  });
});

describe('bad input', () => {
  it('refuses a task date or birth date that is no calendar date (a programming error, not a reason)', () => {
    expect(() => eligibility(person('dk-agnes'), [], { ...dk, taskDate: '03-11-2026' })).toThrow(/taskDate/);
    expect(() => eligibility(person('dk-agnes'), [], { ...dk, taskDate: '2026-02-30' })).toThrow(/taskDate/);
    expect(() => eligibility({ ...person('dk-agnes'), birthDate: '1978-13-01' }, [{ rule: 'age18' }], dk)).toThrow(/birthDate/);
  });
});

describe('describeReason', () => {
  const under18: EligibilityReason = { code: 'election.under18', params: { turns18On: '2026-12-03' } };

  it('writes dates in words in each language', () => {
    expect(dateInWords('2026-12-03', 'da')).toBe('3. december 2026');
    expect(dateInWords('2026-03-01', 'sv')).toBe('1 mars 2026');
    expect(dateInWords('2030-04-17', 'en')).toBe('17 April 2030');
  });

  it('says each reason in Danish, Swedish and English', () => {
    const cases: [EligibilityReason, string, string, string][] = [
      [under18, 'Er under 18 år på opgavedagen (fylder 18 den 3. december 2026)', 'Är under 18 år på uppdragsdagen (fyller 18 den 3 december 2026)', 'Is under 18 on the task date (turns 18 on 3 December 2026)'],
      [{ code: 'election.notResident', params: {} }, 'Har ikke bopæl i kommunen ifølge folkeregistret', 'Är inte folkbokförd i kommunen', 'Is not registered as living in the municipality'],
      [{ code: 'election.notCitizen', params: { scope: 'national', country: 'DK' } }, 'Er ikke dansk statsborger', 'Är inte dansk medborgare', 'Is not a Danish citizen'],
      [{ code: 'election.notCitizen', params: { scope: 'national', country: 'SE' } }, 'Er ikke svensk statsborger', 'Är inte svensk medborgare', 'Is not a Swedish citizen'],
      [
        { code: 'election.notCitizen', params: { scope: 'nationalEuNordic', country: 'DK' } },
        'Er ikke statsborger i Danmark, et andet EU-land eller et nordisk land',
        'Är inte medborgare i Danmark, ett annat EU-land eller ett nordiskt land',
        'Is not a citizen of Denmark, another EU country or a Nordic country',
      ],
      [
        { code: 'election.notCitizen', params: { scope: 'nationalEuNordic', country: 'SE' } },
        'Er ikke statsborger i Sverige, et andet EU-land eller et nordisk land',
        'Är inte medborgare i Sverige, ett annat EU-land eller ett nordiskt land',
        'Is not a citizen of Sweden, another EU country or a Nordic country',
      ],
      [{ code: 'election.disenfranchised', params: {} }, 'Har mistet valgretten', 'Har förlorat rösträtten', 'Has lost the right to vote'],
      [{ code: 'election.deceased', params: {} }, 'Er registreret som død i folkeregistret', 'Är registrerad som avliden i folkregistret', 'Is registered as deceased in the civil registry'],
    ];
    for (const [reason, daText, svText, enText] of cases) {
      expect(describeReason(reason, 'da')).toBe(daText);
      expect(describeReason(reason, 'sv')).toBe(svText);
      expect(describeReason(reason, 'en')).toBe(enText);
    }
  });

  it("describes a real person's reasons: dk-ellen at Folketingsvalg", () => {
    const [reason] = eligibility(person('dk-ellen'), folketingsvalg, dk).reasons;
    expect(describeReason(reason!, 'da')).toBe('Er under 18 år på opgavedagen (fylder 18 den 17. april 2030)');
  });

  it('every reason code is a problem code of the module with a text in each locale', () => {
    const reasonCodes = ['election.under18', 'election.notResident', 'election.notCitizen', 'election.disenfranchised', 'election.deceased', 'election.ruleRepeated', 'election.overlap'];
    for (const code of reasonCodes) {
      expect(ELECTION_PROBLEM_CODES).toContain(code);
      const key = code.slice('election.'.length);
      for (const locale of [da, sv, en] as { codes: { election: Record<string, string> } }[]) expect(locale.codes.election[key]).toEqual(expect.any(String));
    }
    expect((da as { codes: { election: Record<string, string> } }).codes.election.under18).toContain('{{turns18On}}');
  });
});

describe('the rules an election type may choose', () => {
  const schema = 'election/election-type-rules.schema.json';
  // A JSON round trip, as a request body arrives (a structuredClone made inside Jest's sandbox escapes Ajv's uniqueItems).
  const schemaAccepts = (rules: unknown) => fieldErrorsOf(() => validate(schema, JSON.parse(JSON.stringify(rules)))).length === 0;
  const fieldsOf = (rules: unknown) => fieldErrorsOf(() => validateElectionTypeRules(rules)).map((f) => [f.field, f.code]);

  it('accepts the default election types of both countries (function and schema) and hands out copies', () => {
    for (const country of ['DK', 'SE'] as const) {
      for (const type of DEFAULT_ELECTION_TYPES[country]) {
        expect(validateElectionTypeRules(type.rules)).toEqual(type.rules);
        expect(schemaAccepts(type.rules)).toBe(true);
      }
    }
    expect(DEFAULT_ELECTION_TYPES.DK.map((t) => t.name)).toEqual(expect.arrayContaining(['Folketingsvalg', 'Kommunal- og regionsrådsvalg']));
    expect(folketingsvalg).toEqual(every('national'));
    const copy = defaultElectionTypes('DK');
    copy[0]!.rules.pop();
    expect(DEFAULT_ELECTION_TYPES.DK[0]!.rules).toHaveLength(4);
  });

  it('accepts an empty list and returns a clean copy', () => {
    expect(validateElectionTypeRules([])).toEqual([]);
    const input = [{ rule: 'citizenship', scope: 'nationalEuNordic' }, { rule: 'age18' }];
    const out = validateElectionTypeRules(input);
    expect(out).toEqual(input);
    expect(out[0]).not.toBe(input[0]);
  });

  it('names the index of each bad entry (every one of them), and the field within it', () => {
    expect(fieldsOf([{ rule: 'age18' }, { rule: 'bogus' }])).toEqual([['/1/rule', 'schema.enum']]);
    expect(fieldsOf([{ rule: 'alive' }])).toEqual([['/0/rule', 'schema.enum']]);
    expect(fieldsOf([{ rule: 'citizenship' }, { rule: 'citizenship', scope: 'nordicOnly' }])).toEqual([
      ['/0/scope', 'schema.required'],
      ['/1/scope', 'schema.enum'],
    ]);
    expect(fieldsOf([{ rule: 'age18', scope: 'national' }])).toEqual([['/0/scope', 'schema.additionalProperties']]);
    expect(fieldsOf([{ rule: 'resident', extra: 1 }])).toEqual([['/0/extra', 'schema.additionalProperties']]);
    expect(fieldsOf([{}, 'age18', null])).toEqual([
      ['/0/rule', 'schema.required'],
      ['/1', 'schema.type'],
      ['/2', 'schema.type'],
    ]);
    expect(fieldsOf({ rule: 'age18' })).toEqual([['/', 'schema.type']]);
    expect(fieldsOf(Array.from({ length: 11 }, () => ({ rule: 'age18' })))[0]).toEqual(['/', 'schema.maxItems']);
  });

  it('refuses a rule chosen twice (even with another scope), naming the repeat and the first', () => {
    let error: unknown;
    try {
      validateElectionTypeRules([{ rule: 'citizenship', scope: 'national' }, { rule: 'age18' }, { rule: 'citizenship', scope: 'nationalEuNordic' }], '/rules');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([
      expect.objectContaining({ field: '/rules/2/rule', code: 'election.ruleRepeated', params: { rule: 'citizenship', firstIndex: 0 } }),
    ]);
  });

  it('agrees with the JSON Schema on what is valid', () => {
    const samples: unknown[] = [
      [],
      [{ rule: 'age18' }, { rule: 'resident' }, { rule: 'notDisenfranchised' }],
      [{ rule: 'citizenship', scope: 'national' }],
      [{ rule: 'bogus' }],
      [{ rule: 'alive' }],
      [{ rule: 'citizenship' }],
      [{ rule: 'citizenship', scope: 'everyone' }],
      [{ rule: 'age18', scope: 'national' }],
      [{ rule: 'age18' }, { rule: 'age18' }],
      [null],
      { rule: 'age18' },
      Array.from({ length: 11 }, (_, i) => ({ rule: 'age18', n: i })),
    ];
    for (const sample of samples) expect([sample, schemaAccepts(sample)]).toEqual([sample, fieldsOf(sample).length === 0]);
  });
});
