// Synthetic personal numbers for demo data, tests and benchmarks: valid, all different for i below
// MAX_SYNTHETIC (28 days × 12 months × 50 years against 1000 serials: lcm 84,000), born 1950–1999, never
// meant to be a real person's. Danish CPR numbers; Swedish personnummer with their Luhn check digit.
import { parseCpr, parsePersonnummer, type ParsedPersonalNumber } from '../../forms/formats/personal-number';

export const MAX_SYNTHETIC = 84_000;

function parts(i: number): { dd: string; mm: string; yy: string } {
  return {
    dd: String(1 + (i % 28)).padStart(2, '0'),
    mm: String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0'),
    yy: String(50 + (Math.floor(i / 336) % 50)).padStart(2, '0'),
  };
}

/** The i-th synthetic CPR number. */
export function syntheticCpr(i: number): ParsedPersonalNumber {
  const { dd, mm, yy } = parts(i);
  const pn = parseCpr(`${dd}${mm}${yy}1${String(i % 1000).padStart(3, '0')}`);
  if (!pn) throw new Error(`no synthetic CPR number for ${i}`);
  return pn;
}

/** The i-th synthetic personnummer (the last digit is the Luhn check digit of the other nine). */
export function syntheticPersonnummer(i: number): ParsedPersonalNumber {
  const { dd, mm, yy } = parts(i);
  const base = `${yy}${mm}${dd}${String(100 + (i % 900)).padStart(3, '0')}`;
  for (let check = 0; check < 10; check++) {
    const pn = parsePersonnummer(`19${base}${check}`);
    if (pn) return pn;
  }
  throw new Error(`no synthetic personnummer for ${i}`);
}

export const syntheticPersonalNumber = (country: 'DK' | 'SE', i: number): ParsedPersonalNumber => (country === 'DK' ? syntheticCpr(i) : syntheticPersonnummer(i));
