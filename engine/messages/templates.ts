// Message templates: a subject and a body per language with {{merge fields}}, rendered by Mustache (logic-less,
// so an administrator's template cannot run code). Messages are plain text: nothing is HTML-escaped, and a
// merge field never spans lines (line breaks in values are flattened) so a value cannot forge a header-like line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mustache from 'mustache';

export type Locale = 'da' | 'sv' | 'en';
export type LocalizedText = Partial<Record<Locale, string>>;

export interface MessageTemplate {
  key: string;
  subject: LocalizedText;
  body: LocalizedText;
}

/** The fields a template may use; a subject gives what it has (a title and a link, a count, a moderator's message). */
export const MERGE_FIELDS = ['name', 'reference', 'municipality', 'flowName', 'status', 'date', 'title', 'link', 'votes', 'message'] as const;
export type MergeFields = Partial<Record<(typeof MERGE_FIELDS)[number], string>>;

export const SAMPLE_MERGE_FIELDS: Record<Locale, MergeFields> = {
  da: { name: 'Agnes Jensen', reference: 'A1B2C3D4', municipality: 'Korsbæk Kommune', flowName: 'Ansøgning', status: 'Afventer afgørelse', date: '2. marts 2026', title: 'Flere bænke i parken', link: 'https://korsbaek.example/a1b2c3d4', votes: '120', message: 'Skriv venligst forslaget uden navne på naboer.' },
  sv: { name: 'Karin Andersson', reference: 'A1B2C3D4', municipality: 'Småköpings kommun', flowName: 'Ansökan', status: 'Väntar på beslut', date: '2 mars 2026', title: 'Fler bänkar i parken', link: 'https://smakoping.example/a1b2c3d4', votes: '120', message: 'Skriv förslaget utan grannarnas namn.' },
  en: { name: 'Agnes Jensen', reference: 'A1B2C3D4', municipality: 'Korsbæk Municipality', flowName: 'Application', status: 'Awaiting decision', date: '2 March 2026', title: 'More benches in the park', link: 'https://korsbaek.example/a1b2c3d4', votes: '120', message: 'Please write the proposal without the neighbours’ names.' },
};

/** The platform's templates and each module's (Module.builtinTemplates: a JSON file of the same shape). */
export function builtinTemplates(moduleFiles: readonly string[] = []): MessageTemplate[] {
  const read = (file: string) => Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Omit<MessageTemplate, 'key'>>).map(([key, t]) => ({ key, ...t }));
  return [join(__dirname, 'builtin-templates.json'), ...moduleFiles].flatMap(read);
}

/** Merge fields a template names that the platform does not provide (shown as problems in the editor). */
export function unknownMergeFields(text: string): string[] {
  const names = (Mustache.parse(text) as unknown[][]).filter((t) => t[0] === 'name' || t[0] === '&').map((t) => String(t[1]));
  return names.filter((n) => !(MERGE_FIELDS as readonly string[]).includes(n));
}

const flat = (fields: MergeFields): Record<string, string> => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v ?? '').replace(/[\r\n]+/g, ' ')]));

/** Renders in the locale asked for, falling back to the first language the template has. */
export function renderTemplate(t: MessageTemplate, locale: Locale, fields: MergeFields): { subject: string; body: string; locale: Locale } {
  const use = (t.subject[locale] && t.body[locale] ? locale : (Object.keys(t.body)[0] as Locale | undefined)) ?? locale;
  const view = flat(fields);
  const render = (text: string | undefined) => Mustache.render(text ?? '', view, {}, { escape: (v: string) => v });
  return { subject: render(t.subject[use]).replace(/[\r\n]+/g, ' '), body: render(t.body[use]), locale: use };
}
