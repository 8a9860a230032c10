// Message templates: a subject and a body per language with {{merge fields}}, rendered by Mustache (logic-less,
// so an administrator's template cannot run code). Messages are plain text: nothing is HTML-escaped, and a
// merge field never spans lines (line breaks in values are flattened) so a value cannot forge a header-like line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mustache from 'mustache';
import type { ChannelName } from './channels';

export type Locale = 'da' | 'sv' | 'en';
export type LocalizedText = Partial<Record<Locale, string>>;

export type { ChannelName };
export const CHANNEL_NAMES: readonly ChannelName[] = ['digitalPost', 'email', 'sms'];

export interface MessageTemplate {
  key: string;
  subject: LocalizedText;
  body: LocalizedText;
  /** The text sent by SMS, per language (without it, an SMS carries the subject). */
  sms?: LocalizedText;
  /** The channels in the order tried: the next is used when a person cannot receive on one. */
  channels?: ChannelName[];
}

/** A template's channel order, or the platform's default (e-mail only) for a template that names none. */
export const channelsOf = (t: Pick<MessageTemplate, 'channels'>): ChannelName[] => (t.channels?.length ? t.channels : ['email']);

/** Problems with a channel order: only known channels, none twice, at least one. */
export function channelOrderProblems(channels: readonly string[]): string[] {
  const problems: string[] = [];
  if (channels.length === 0) problems.push('at least one channel is needed');
  for (const c of channels) if (!(CHANNEL_NAMES as readonly string[]).includes(c)) problems.push(`unknown channel ${c}`);
  if (new Set(channels).size !== channels.length) problems.push('a channel is named twice');
  return problems;
}

/** The fields a template may use; a subject gives what it has (a title and a link, a count, a moderator's message). */
export const MERGE_FIELDS = ['name', 'reference', 'municipality', 'flowName', 'status', 'date', 'title', 'link', 'votes', 'message'] as const;
export type MergeFields = Partial<Record<(typeof MERGE_FIELDS)[number], string>>;

export const SAMPLE_MERGE_FIELDS: Record<Locale, MergeFields> = {
  da: { name: 'Agnes Jensen', reference: 'A1B2C3D4', municipality: 'Korsbæk Kommune', flowName: 'Ansøgning', status: 'Afventer afgørelse', date: '2. marts 2026', title: 'Flere bænke i parken', link: 'https://korsbaek.example/a1b2c3d4', votes: '120', message: 'Skriv venligst forslaget uden navne på naboer.' },
  sv: { name: 'Karin Andersson', reference: 'A1B2C3D4', municipality: 'Småköpings kommun', flowName: 'Ansökan', status: 'Väntar på beslut', date: '2 mars 2026', title: 'Fler bänkar i parken', link: 'https://smakoping.example/a1b2c3d4', votes: '120', message: 'Skriv förslaget utan grannarnas namn.' },
  en: { name: 'Agnes Jensen', reference: 'A1B2C3D4', municipality: 'Korsbæk Municipality', flowName: 'Application', status: 'Awaiting decision', date: '2 March 2026', title: 'More benches in the park', link: 'https://korsbaek.example/a1b2c3d4', votes: '120', message: 'Please write the proposal without the neighbours’ names.' },
};

/** A built-in template may name its channel order per country (Digital Post first where there is one). */
export interface BuiltinTemplate extends MessageTemplate {
  channelsByCountry?: Partial<Record<'DK' | 'SE', ChannelName[]>>;
}

/** The platform's templates and each module's (Module.builtinTemplates: a JSON file of the same shape). */
export function builtinTemplates(moduleFiles: readonly string[] = []): BuiltinTemplate[] {
  const read = (file: string) => Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Omit<BuiltinTemplate, 'key'>>).map(([key, t]) => ({ key, ...t }));
  return [join(__dirname, 'builtin-templates.json'), ...moduleFiles].flatMap(read);
}

/** The merge fields a module adds to the platform's (Module.messageFields), with sample values per language for the preview. */
export interface ModuleMessageFields {
  names: readonly string[];
  samples: Record<Locale, Record<string, string>>;
}

/** Every merge field there is: the platform's and those the given modules declare. */
export function knownMergeFields(modules: readonly ModuleMessageFields[] = []): string[] {
  return [...new Set([...MERGE_FIELDS, ...modules.flatMap((m) => m.names)])];
}

/** Sample values for every merge field in a language: the platform's and the modules'. */
export function sampleMergeFields(locale: Locale, modules: readonly ModuleMessageFields[] = []): Record<string, string> {
  return Object.assign({}, SAMPLE_MERGE_FIELDS[locale], ...modules.map((m) => m.samples[locale]));
}

/** Merge fields a template names that neither the platform nor the given fields provide (shown as problems in the editor). */
export function unknownMergeFields(text: string, known: readonly string[] = MERGE_FIELDS): string[] {
  const names = (Mustache.parse(text) as unknown[][]).filter((t) => t[0] === 'name' || t[0] === '&').map((t) => String(t[1]));
  return names.filter((n) => !known.includes(n));
}

const flat = (fields: MergeFields | Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v ?? '').replace(/[\r\n]+/g, ' ')]));

/** Renders in the locale asked for, falling back to the first language the template has. */
export function renderTemplate(t: MessageTemplate, locale: Locale, fields: MergeFields | Record<string, string>): { subject: string; body: string; sms: string; locale: Locale } {
  const use = (t.subject[locale] && t.body[locale] ? locale : (Object.keys(t.body)[0] as Locale | undefined)) ?? locale;
  const view = flat(fields);
  const render = (text: string | undefined) => Mustache.render(text ?? '', view, {}, { escape: (v: string) => v });
  const subject = render(t.subject[use]).replace(/[\r\n]+/g, ' ');
  // An SMS without its own text carries the subject (one line, usually one segment).
  const sms = t.sms?.[use] ? render(t.sms[use]) : subject;
  return { subject, body: render(t.body[use]), sms, locale: use };
}
