// The form definitions every new tenant starts from (a tenant edits its own copies; these files stay the
// defaults). Country-specific texts (privacy and consent statements) come in one file per country.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormDefinitionDraft } from '../../schemas/types/forms-form-definition-draft';

export interface BuiltinForm {
  /** File name under forms/builtin/, recorded on the tenant's copy. */
  file: string;
  name: Record<'DK' | 'SE', string>;
  countries: ('DK' | 'SE')[];
}

export const BUILTIN_FORMS: BuiltinForm[] = [
  { file: 'signup-template.json', name: { DK: 'Tilmelding som valgstyrer', SE: 'Anmälan som röstmottagare' }, countries: ['DK', 'SE'] },
  { file: 'privacy-statement.dk.json', name: { DK: 'Privatlivspolitik', SE: '' }, countries: ['DK'] },
  { file: 'privacy-statement.se.json', name: { DK: '', SE: 'Integritetspolicy' }, countries: ['SE'] },
  { file: 'consent-statement.dk.json', name: { DK: 'Samtykkeerklæring', SE: '' }, countries: ['DK'] },
  { file: 'consent-statement.se.json', name: { DK: '', SE: 'Samtyckesförklaring' }, countries: ['SE'] },
  { file: 'petition-form.json', name: { DK: 'Borgerforslag', SE: 'E-förslag' }, countries: ['DK', 'SE'] },
  // The demo e-service: the built-in "application" flow is attached to it (engine/flows/builtin).
  { file: 'application-form.json', name: { DK: 'Tilskud til foreningsarrangement', SE: 'Bidrag till föreningsarrangemang' }, countries: ['DK', 'SE'] },
];

export function loadBuiltinForm(file: string): FormDefinitionDraft {
  return JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as FormDefinitionDraft;
}

export function builtinFormsFor(country: 'DK' | 'SE'): { file: string; name: string; definition: FormDefinitionDraft }[] {
  return BUILTIN_FORMS.filter((f) => f.countries.includes(country)).map((f) => ({ file: f.file, name: f.name[country], definition: loadBuiltinForm(f.file) }));
}
