import { maskPersonalNumber, parseCpr, parsePersonnummer } from '../../forms/formats/personal-number';

describe('Danish CPR numbers', () => {
  it('accepts real dates with or without the hyphen, modulus 11 or not', () => {
    expect(parseCpr('010190-1234')).toEqual({ country: 'DK', canonical: '0101901234', birthDate: '1990-01-01' });
    // 29 February 2000 exists (seventh digit 4: born 2000), 29 February 1900 does not (seventh digit 1).
    expect(parseCpr('2902004234')?.birthDate).toBe('2000-02-29');
    expect(parseCpr('2902001234')).toBeUndefined();
  });

  it('takes the century from the seventh digit', () => {
    expect(parseCpr('0101104000')?.birthDate).toBe('2010-01-01');
    expect(parseCpr('0101504000')?.birthDate).toBe('1950-01-01');
    expect(parseCpr('0101585000')?.birthDate).toBe('1858-01-01');
    expect(parseCpr('0101055000')?.birthDate).toBe('2005-01-01');
  });

  it('refuses impossible dates and wrong shapes', () => {
    expect(parseCpr('320190-1234')).toBeUndefined();
    expect(parseCpr('290201-1234')).toBeUndefined(); // 1901 was no leap year
    expect(parseCpr('01019-1234')).toBeUndefined();
    expect(parseCpr('010190 1234')).toBeUndefined();
  });

  it('masks all but the date part', () => {
    expect(maskPersonalNumber(parseCpr('010190-1234')!)).toBe('010190-****');
  });
});

describe('Swedish personnummer', () => {
  const today = new Date('2026-11-22T00:00:00Z');

  it('accepts 12 and 10 digits with a valid Luhn digit', () => {
    expect(parsePersonnummer('19121212-1212', today)).toEqual({ country: 'SE', canonical: '191212121212', birthDate: '1912-12-12' });
    expect(parsePersonnummer('121212+1212', today)?.birthDate).toBe('1912-12-12');
    expect(parsePersonnummer('121212-1212', today)?.birthDate).toBe('2012-12-12');
    expect(parsePersonnummer('8112189876', today)?.birthDate).toBe('1981-12-18');
  });

  it('accepts samordningsnummer (day + 60)', () => {
    expect(parsePersonnummer('701063-2391', today)?.birthDate).toBe('1970-10-03');
  });

  it('refuses a wrong check digit or date', () => {
    expect(parsePersonnummer('19121212-1213', today)).toBeUndefined();
    expect(parsePersonnummer('19901332-0000', today)).toBeUndefined();
  });

  it('masks all but the date part', () => {
    expect(maskPersonalNumber(parsePersonnummer('19121212-1212', today)!)).toBe('19121212-****');
  });
});
