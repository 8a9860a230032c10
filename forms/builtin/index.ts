// The form definitions every new tenant starts from (a tenant edits its own copies; these files stay the
// defaults). The platform's own are here — privacy and consent statements, one file per country, and the
// renderer's showcase; each module's are in forms/builtin/<module>/ and listed in its module.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormDefinitionDraft } from '../../schemas/types/forms-form-definition-draft';

export interface PlatformBuiltinForm {
  /** Recorded on the tenant's copy (form_definitions.builtin). */
  file: string;
  path: string;
  name: Record<'DK' | 'SE', string>;
  countries: ('DK' | 'SE')[];
}

const at = (file: string) => join(__dirname, file);

export const PLATFORM_BUILTIN_FORMS: PlatformBuiltinForm[] = [
  { file: 'privacy-statement.dk.json', path: at('privacy-statement.dk.json'), name: { DK: 'Privatlivspolitik', SE: '' }, countries: ['DK'] },
  { file: 'privacy-statement.se.json', path: at('privacy-statement.se.json'), name: { DK: '', SE: 'Integritetspolicy' }, countries: ['SE'] },
  { file: 'consent-statement.dk.json', path: at('consent-statement.dk.json'), name: { DK: 'Samtykkeerklæring', SE: '' }, countries: ['DK'] },
  { file: 'consent-statement.se.json', path: at('consent-statement.se.json'), name: { DK: '', SE: 'Samtyckesförklaring' }, countries: ['SE'] },
];

/** Kinds of form the platform itself uses; modules add theirs (engine/modules). */
export const PLATFORM_FORM_KINDS = ['consentStatement', 'profile'];

export function loadFormFile(path: string): FormDefinitionDraft {
  return JSON.parse(readFileSync(path, 'utf8')) as FormDefinitionDraft;
}

/** A file of forms/builtin by its path below that folder, e.g. `field-showcase.json` or `election/signup-template.json`. */
export const loadBuiltinForm = (file: string): FormDefinitionDraft => loadFormFile(at(file));
