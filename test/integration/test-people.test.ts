import { parsePersonalNumber } from '../../forms/formats/personal-number';
import { testPeople } from '../../engine/simulators/test-people';

describe('test people', () => {
  it('every personal number is valid for its country and matches the birth date', () => {
    for (const p of testPeople.citizens) {
      const parsed = parsePersonalNumber(p.country, p.personalNumber);
      expect({ id: p.id, parsed: parsed?.birthDate }).toEqual({ id: p.id, parsed: p.birthDate });
    }
  });

  it('covers the cases testers need in both countries', () => {
    for (const country of ['DK', 'SE'] as const) {
      const people = testPeople.citizens.filter((p) => p.country === country);
      const age = (p: (typeof people)[number]) => (Date.now() - Date.parse(p.birthDate)) / (365.25 * 86_400_000);
      expect(people.some((p) => age(p) < 18)).toBe(true);
      expect(people.some((p) => p.protectedAddress)).toBe(true);
      expect(people.some((p) => p.deceased)).toBe(true);
      expect(people.some((p) => p.citizenship !== country)).toBe(true);
      expect(new Set(people.map((p) => p.municipalityCode)).size).toBeGreaterThan(1);
    }
    expect(new Set(testPeople.citizens.map((p) => p.id)).size).toBe(testPeople.citizens.length);
  });

  it('has administrators and a non-administrator employee per demo tenant', () => {
    expect(testPeople.employees.filter((e) => e.roles.includes('administrator')).map((e) => e.tenant).sort()).toEqual(['korsbaek', 'korsbaek', 'smakoping', 'smakoping']);
    expect(testPeople.employees.some((e) => e.roles.length === 0)).toBe(true);
  });
});
