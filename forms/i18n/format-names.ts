// Formats named in words, in the three languages of Tingvalla ("a valid CPR number" rather than "dk-cpr"):
// the public form renderer's validation messages and the admin site's translated field errors both use them.
export type MessageLocale = 'da' | 'sv' | 'en';

export const FORMAT_NAMES: Record<MessageLocale, Record<string, string>> = {
  da: { email: 'en gyldig e-mailadresse', date: 'en gyldig dato', 'date-time': 'et gyldigt tidspunkt', uri: 'en gyldig webadresse', uuid: 'et gyldigt id', 'dk-cpr': 'et gyldigt CPR-nummer', 'se-personnummer': 'et gyldigt personnummer', 'dk-phone': 'et gyldigt dansk telefonnummer', 'se-phone': 'et gyldigt svensk telefonnummer', 'dk-postal-code': 'et gyldigt dansk postnummer', 'se-postal-code': 'et gyldigt svensk postnummer' },
  sv: { email: 'en giltig e-postadress', date: 'ett giltigt datum', 'date-time': 'en giltig tidpunkt', uri: 'en giltig webbadress', uuid: 'ett giltigt id', 'dk-cpr': 'ett giltigt danskt CPR-nummer', 'se-personnummer': 'ett giltigt personnummer', 'dk-phone': 'ett giltigt danskt telefonnummer', 'se-phone': 'ett giltigt telefonnummer', 'dk-postal-code': 'ett giltigt danskt postnummer', 'se-postal-code': 'ett giltigt postnummer' },
  en: { email: 'a valid e-mail address', date: 'a valid date', 'date-time': 'a valid point in time', uri: 'a valid web address', uuid: 'a valid id', 'dk-cpr': 'a valid CPR number', 'se-personnummer': 'a valid personnummer', 'dk-phone': 'a valid Danish phone number', 'se-phone': 'a valid Swedish phone number', 'dk-postal-code': 'a valid Danish postal code', 'se-postal-code': 'a valid Swedish postal code' },
};

/** The format in words in the language, or undefined for a format without a name (shown as it is). */
export function formatName(locale: string, format: unknown): string | undefined {
  return (FORMAT_NAMES as Record<string, Record<string, string> | undefined>)[locale]?.[String(format)];
}
