// Danish CPR numbers and Swedish personnummer: parsing, validation and masking, shared by the server and
// both UIs (the forms issue registers these as Ajv formats).
// CPR: the date part must be a real date; the modulus-11 check is NOT required, since numbers issued since
// 2007 may fail it. The seventh digit and the year give the century (CPR-kontoret's table).
// Personnummer: 10 or 12 digits, date part (or samordningsnummer day + 60) and the Luhn check digit;
// "+" instead of "-" in the 10-digit form means the person is 100 or older.

export type PersonalNumberCountry = 'DK' | 'SE';

export interface ParsedPersonalNumber {
  country: PersonalNumberCountry;
  /** Canonical form: DK `DDMMYYSSSS` (10 digits), SE `YYYYMMDDNNNC` (12 digits). */
  canonical: string;
  birthDate: string; // YYYY-MM-DD
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function cprCentury(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800; // 5–8
}

export function parseCpr(input: string): ParsedPersonalNumber | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/.exec(input.trim());
  if (!m) return undefined;
  const [dd, mm, yy, serial] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4]!];
  const year = cprCentury(yy, Number(serial[0])) + yy;
  if (!validDate(year, mm, dd)) return undefined;
  return { country: 'DK', canonical: `${m[1]}${m[2]}${m[3]}${serial}`, birthDate: iso(year, mm, dd) };
}

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}

export function parsePersonnummer(input: string, today: Date = new Date()): ParsedPersonalNumber | undefined {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/.exec(input.trim());
  if (!m) return undefined;
  const [, cc, yy, mm, ddRaw, sep, last4] = m as unknown as [string, string | undefined, string, string, string, string, string];
  if (!luhnOk(`${yy}${mm}${ddRaw}${last4}`)) return undefined;
  let century: number;
  if (cc) century = Number(cc) * 100;
  else {
    // Without a century: the most recent year not in the future, one century further back with "+".
    const thisYear = today.getUTCFullYear();
    century = Math.floor(thisYear / 100) * 100;
    if (century + Number(yy) > thisYear) century -= 100;
    if (sep === '+') century -= 100;
  }
  const year = century + Number(yy);
  const day = Number(ddRaw) > 60 ? Number(ddRaw) - 60 : Number(ddRaw); // samordningsnummer
  if (!validDate(year, Number(mm), day)) return undefined;
  return { country: 'SE', canonical: `${year}${mm}${ddRaw}${last4}`, birthDate: iso(year, Number(mm), day) };
}

export function parsePersonalNumber(country: PersonalNumberCountry, input: string): ParsedPersonalNumber | undefined {
  return country === 'DK' ? parseCpr(input) : parsePersonnummer(input);
}

/** Shows the date part only: `010190-****` (DK), `19900101-****` (SE). */
export function maskPersonalNumber(parsed: Pick<ParsedPersonalNumber, 'country' | 'canonical'>): string {
  return parsed.country === 'DK' ? `${parsed.canonical.slice(0, 6)}-****` : `${parsed.canonical.slice(0, 8)}-****`;
}
