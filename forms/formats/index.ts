// The custom formats every Tingvalla form can use, registered on the one Ajv setup (server and browser alike).
// Personal numbers follow forms/formats/personal-number.ts (CPR: real date, no modulus 11; personnummer:
// date and Luhn). Phone numbers and postal codes follow the national numbering plans, loosely on spacing.
import type Ajv from 'ajv';
import { parseCpr, parsePersonnummer } from './personal-number';

const digits = (s: string) => s.replace(/[\s-]/g, '');

export const FORMATS: Record<string, (value: string) => boolean> = {
  /** Danish CPR number, `DDMMYY-SSSS` or 10 digits. */
  'dk-cpr': (v) => parseCpr(v) !== undefined,
  /** Swedish personnummer or samordningsnummer, 10 or 12 digits. */
  'se-personnummer': (v) => parsePersonnummer(v) !== undefined,
  /** Danish phone number: 8 digits, optionally +45 / 0045 first. */
  'dk-phone': (v) => /^(\+45|0045)?[2-9]\d{7}$/.test(digits(v)),
  /** Swedish phone number: national 0 + 6–9 digits, or +46 / 0046 + 7–9 digits without the 0. */
  'se-phone': (v) => /^(0[1-9]\d{5,8}|(\+46|0046)[1-9]\d{6,8})$/.test(digits(v)),
  /** Danish postal code: 4 digits, 0800–9990. */
  'dk-postal-code': (v) => /^\d{4}$/.test(v.trim()) && Number(v) >= 800 && Number(v) <= 9990,
  /** Swedish postnummer: 5 digits, often written `123 45`, never starting with 0. */
  'se-postal-code': (v) => /^[1-9]\d{2} ?\d{2}$/.test(v.trim()),
};

export function addTingvallaFormats(ajv: Ajv): Ajv {
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
}
