// Validation messages in the three languages of Tingvalla. Swedish and English come from ajv-i18n; it has
// no Danish, so Danish is written here for the keywords forms use. Format errors name the format in words
// ("a valid CPR number") in every language, since "must match format dk-cpr" helps nobody.
import type { ErrorObject } from 'ajv';
import localizeEn from 'ajv-i18n/localize/en';
import localizeSv from 'ajv-i18n/localize/sv';
import { FORMAT_NAMES, type MessageLocale } from './format-names';

export type { MessageLocale } from './format-names';

type Localize = (errors?: ErrorObject[] | null) => void;

const MUST_BE: Record<MessageLocale, string> = { da: 'skal være', sv: 'måste vara', en: 'must be' };

const plural = (n: unknown, one: string, many: string) => (Number(n) === 1 ? one : many);

/** Danish messages for the keywords a Tingvalla form can produce. */
export const localizeDa: Localize = (errors) => {
  for (const e of errors ?? []) {
    const p = e.params as Record<string, unknown>;
    const messages: Record<string, () => string> = {
      required: () => 'skal udfyldes',
      type: () => `skal være af typen ${String(p.type)}`,
      minLength: () => (Number(p.limit) === 1 ? 'skal udfyldes' : `skal være mindst ${String(p.limit)} tegn`),
      maxLength: () => `må højst være ${String(p.limit)} tegn`,
      minimum: () => `skal være mindst ${String(p.limit)}`,
      maximum: () => `må højst være ${String(p.limit)}`,
      exclusiveMinimum: () => `skal være større end ${String(p.limit)}`,
      exclusiveMaximum: () => `skal være mindre end ${String(p.limit)}`,
      multipleOf: () => `skal gå op i ${String(p.multipleOf)}`,
      pattern: () => 'har ikke det rigtige format',
      format: () => `skal have formatet ${String(p.format)}`,
      enum: () => 'skal være en af de mulige værdier',
      const: () => 'skal have den fastsatte værdi',
      minItems: () => `skal have mindst ${String(p.limit)} ${plural(p.limit, 'valg', 'valg')}`,
      maxItems: () => `må højst have ${String(p.limit)} ${plural(p.limit, 'valg', 'valg')}`,
      uniqueItems: () => 'må ikke indeholde det samme to gange',
      additionalProperties: () => 'må ikke have andre felter',
      if: () => `skal opfylde "${String(p.failingKeyword)}"-betingelsen`,
      anyOf: () => 'skal opfylde et af alternativerne',
      oneOf: () => 'skal opfylde præcis et af alternativerne',
      not: () => 'er ikke tilladt',
    };
    e.message = messages[e.keyword]?.() ?? 'er ikke gyldig';
  }
};

const localizers: Record<MessageLocale, Localize> = { da: localizeDa, sv: localizeSv as Localize, en: localizeEn as Localize };

/** Localizes Ajv errors in place (as ajv-i18n does), format errors in words. */
export function localizeErrors(locale: MessageLocale, errors?: ErrorObject[] | null): void {
  localizers[locale](errors);
  for (const e of errors ?? []) {
    const format = e.keyword === 'format' ? FORMAT_NAMES[locale][String((e.params as { format?: string }).format)] : undefined;
    if (format) e.message = `${MUST_BE[locale]} ${format}`;
  }
}
