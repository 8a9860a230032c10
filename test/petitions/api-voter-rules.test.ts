// The voting rules and the voter cache, without a server: age from the birth date (a 29 February birthday
// falls on 1 March), the order of the refusals, their texts in every language, and the LRU with its time to live.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TtlLru } from '../../engine/cache/ttl-lru';
import { ageRefusal, assuranceRefusal, DEFAULT_VOTER_RULES, hasAge, residencyRefusal, VOTER_REFUSAL_CODES, voterRulesOf } from '../../engine/modules/petitions/voter-rules';

it('counts age in whole years on the day, a leap-day birthday on 1 March', () => {
  expect(hasAge('2008-05-12', 18, '2026-05-11')).toBe(false);
  expect(hasAge('2008-05-12', 18, '2026-05-12')).toBe(true);
  expect(hasAge('2008-02-29', 18, '2026-02-28')).toBe(false);
  expect(hasAge('2008-02-29', 18, '2026-03-01')).toBe(true);
  expect(hasAge('2004-02-29', 20, '2024-02-29')).toBe(true);
});

it('reads the petition flow’s parameters as rules (an unknown level asks for the highest)', () => {
  expect(DEFAULT_VOTER_RULES).toEqual({ minAssurance: 'substantial', residentsOnly: true, minAge: 15 });
  expect(voterRulesOf({ minimumAssurance: 3, residentsOnly: 0, minimumAge: 18 })).toEqual({ minAssurance: 'high', residentsOnly: false, minAge: 18 });
  expect(voterRulesOf({ minimumAssurance: 1, residentsOnly: 1, minimumAge: 0 })).toEqual({ minAssurance: 'low', residentsOnly: true, minAge: 0 });
  expect(voterRulesOf({ minimumAssurance: 7, residentsOnly: 1, minimumAge: 0 }).minAssurance).toBe('high');
});

it('refuses by assurance, age and residency with their codes and params', () => {
  const rules = DEFAULT_VOTER_RULES;
  expect(assuranceRefusal('low', rules)?.code).toBe('petition.voter.assuranceTooLow');
  expect(assuranceRefusal('substantial', rules)).toBeUndefined();
  expect(assuranceRefusal('high', rules)).toBeUndefined();
  expect(ageRefusal('2012-04-17', rules, '2026-01-01')).toMatchObject({ code: 'petition.voter.underAge', params: { minAge: 15 } });
  expect(ageRefusal('2012-04-17', { ...rules, minAge: 0 }, '2026-01-01')).toBeUndefined();
  expect(residencyRefusal(false, rules)?.code).toBe('petition.voter.notResident');
  expect(residencyRefusal(false, { ...rules, residentsOnly: false })).toBeUndefined();
});

it.each(['da', 'sv', 'en'])('has a text in %s for each refusal and for too_many_requests, on both sites', (lang) => {
  const admin = JSON.parse(readFileSync(join('admin-ui', 'src', 'locales', `${lang}.json`), 'utf8')) as { codes: { petition: { voter: Record<string, string> } }; problems: Record<string, string> };
  const pub = JSON.parse(readFileSync(join('public-ui', 'src', 'locales', `${lang}.json`), 'utf8')) as { problems: Record<string, string> };
  expect(VOTER_REFUSAL_CODES.filter((c) => !admin.codes.petition.voter[c.split('.')[2]!])).toEqual([]);
  expect([admin.problems.too_many_requests, pub.problems.too_many_requests].every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
});

it('keeps entries for their time to live and drops the least recently used beyond its size', () => {
  let now = 0;
  const cache = new TtlLru<string>(2, 1000, () => now);
  cache.set('a', 'A');
  cache.set('b', 'B');
  expect(cache.get('a')).toBe('A'); // a is now the most recent
  cache.set('c', 'C'); // b goes
  expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual(['A', undefined, 'C', 2]);
  now = 1000;
  expect(cache.get('a')).toBeUndefined();
});
