// What a module (e-services, petitions, election staffing) may bring to the platform, declared in one place
// (its engine/modules/<name>/module.ts) and installed by being named in engine/modules/index.ts. Platform code
// asks the list — every flow action, subject type, form kind, policy rule and built-in of every module — and
// never names a module. Types only here, so a module's own files can name them without import cycles.
import type { Logger } from 'pino';
import type { Transaction } from 'sequelize';
import type { ActivityDeps } from '../../activities';
import type { CommandContext } from '../audit/record';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import type { MigrationFn } from '../db/migrator';
import type { ActionInput, ActionResult, PublishReferences, RuntimeDeps } from '../flows/action-types';
import type { FlowTemporal } from '../flows/workflows';
import type { RouteSpec } from '../http/route';
import type { Identity } from '../identity';
import type { AuditedRegistry } from '../registry/audited';
import type { Rule } from '../policies/rules';

export interface SubjectDeps {
  db: Database;
  keyring: Keyring;
  /** The origin (scheme, host, port) of a tenant's public host, for links in messages; absent outside a running platform. */
  publicOrigin?: (host: string) => string;
}

/** What a module's demo data is made with: the subjects' dependencies and the civil registry (the demo's people are looked up like any). */
export interface DemoDeps extends SubjectDeps {
  registry?: AuditedRegistry;
}

export interface SubjectFacts {
  /** Dates the rules may count from (ISO), e.g. taskDate, electionDay. */
  dates: Record<string, string>;
  /** What conditions may read (`answers.x`, `consent.y`); only the names asked for are returned. */
  facts: Record<string, unknown>;
  /** The person's e-mail address, for notify to the subject; never leaves the activity. */
  email?: string;
  /** The person's phone (SMS) and personal number (Digital Post), for notify's other channels; never leave the activity. */
  phone?: string;
  personalNumber?: string;
  /** Merge fields for message templates. */
  mergeFields: Record<string, string>;
  locale?: 'da' | 'sv' | 'en';
}

/** What a flow instance is about: its dates, the facts its conditions read, its person, its deletion. */
export interface SubjectType {
  /** Whether instances hold personal data, so publishing requires a deletion rule. */
  personalData: boolean;
  load(deps: SubjectDeps, tx: Transaction, ctx: CommandContext, subjectId: string, vars: string[]): Promise<SubjectFacts>;
  deletePersonalData(deps: SubjectDeps, tx: Transaction, ctx: CommandContext, subjectId: string, options: { keepWithConsent: boolean }): Promise<{ erased: boolean }>;
}

/** What an action's publish check sees besides the tenant's references: the flow's own names. */
export interface ActionCheckContext {
  refs: PublishReferences;
  statuses: Set<string>;
  deadlines: Set<string>;
}

/** A problem with an action's config, named by its pointer inside the config (`/status`). */
export interface ConfigProblem {
  field: string;
  message: string;
}

/** A `then` action of a flow rule: its config's schema, what publishing checks, and what the activity does. */
export interface FlowAction {
  /** The config's JSON Schema — a path under schemas/, or the schema itself — validated on publish, rendered by the editor. */
  configSchema: string | object;
  /** Changes only the instance's own state, so the workflow's core applies it (the activity records it). */
  core?: boolean;
  /** Deletes the subject's personal data: publishing counts these and checks their timing against retention. */
  deletesPersonalData?: boolean;
  /** Cross-references JSON Schema cannot see (a template, role or status that must exist). */
  check?(config: Record<string, unknown>, ctx: ActionCheckContext): ConfigProblem[];
  /** Carries the action out, at most once per input.key (the workflow's idempotency key). */
  run(deps: RuntimeDeps & { subjects: (name: string) => SubjectType }, input: ActionInput): Promise<ActionResult>;
}

/** A form every tenant starts from, as its own copy published as version 1. */
export interface BuiltinForm {
  /** Recorded on the tenant's copy (form_definitions.builtin). */
  file: string;
  /** The definition file. */
  path: string;
  name: Record<'DK' | 'SE', string>;
  countries: ('DK' | 'SE')[];
}

/** A flow every tenant starts from: published (and attached to a built-in form) or a draft to start from. */
export interface BuiltinFlow {
  /** Recorded on the tenant's copy (flow_definitions.builtin). */
  file: string;
  path: string;
  publish: boolean;
  /** The built-in form (its `file`) whose submissions start this flow. */
  attachTo?: string;
}

export interface ModuleMigration {
  name: string;
  module: { up: MigrationFn; down: MigrationFn };
}

/**
 * What a public page says before any JavaScript runs (engine/http/sites.ts puts it in the served HTML): its
 * title and summary for search engines and link previews (Open Graph), and its main content as static HTML in
 * the app's root element, which the app replaces when it starts. Plain strings: sites.ts escapes them.
 */
export interface PublicPageHead {
  title: string;
  description: string;
  /** Open Graph properties besides og:title, og:description, og:url and og:site_name (e.g. og:type). */
  openGraph?: Record<string, string>;
  /** The readable text: a heading and paragraphs (plain text each; sites.ts writes the markup). */
  body: { heading: string; paragraphs: string[] };
}

/** What a module's API routes may use. */
export interface ModuleRouteDeps {
  db: Database;
  identity: Identity;
  /**
   * Temporal, for commands that act on a running flow through its Updates (never to start or signal one: the
   * gateway does), and to start and query the module's own workflow types (Module.workflowTypes).
   */
  flows: FlowTemporal;
  /** The tenant's civil registry (CPR or Navet by its country), every lookup audited; absent when none is configured. */
  registry?: AuditedRegistry;
}

/**
 * A public page's path: the same in every language (`/petitions/:id`), or its English path, which works on every
 * tenant, with the path in a language's own words (`{ path: '/x/:id', paths: { da: '/y/:id' } }`) that links and
 * menus use on the tenants of that language; both are pages of the site. The UI module's page declares the same.
 */
export type PublicPagePath = string | { path: string; paths: { da?: string; sv?: string } };

export interface Module {
  /** Also the value of the `Module` search attribute and of a flow definition's `module`. */
  name: string;
  /** Migrations of the module's own tables, one change each, run after the platform's. */
  migrations?: ModuleMigration[];
  /** The module's policy actions (`<module>.<thing>.<verb>`) and who may do them. */
  policies?: Record<string, Rule>;
  /**
   * The kinds of grant its policies read (holdsGrant): rights its administrators give a person in data, stored
   * in responsibility_grants and carried by the person's session. Names of letters only (`^[a-z][A-Za-z]{1,40}$`,
   * the table's check), none claimed by another module.
   */
  grantKinds?: string[];
  subjectTypes?: Record<string, SubjectType>;
  actions?: Record<string, FlowAction>;
  /** Kinds of form the module's administrators design (the form designer offers them). */
  formKinds?: string[];
  /**
   * Kinds whose answers only the module's own routes take (a petition form's answers become a petition, not a
   * form submission): the platform's generic submission refuses them.
   */
  selfSubmittedFormKinds?: string[];
  builtinForms?: BuiltinForm[];
  builtinFlows?: BuiltinFlow[];
  /** A JSON file of message templates every tenant starts with (the shape of engine/messages/builtin-templates.json). */
  builtinTemplates?: string;
  /**
   * Merge fields the module's messages fill besides the platform's ({{name}}, {{municipality}} …), with sample
   * values per language: the template editor accepts and previews them.
   */
  messageFields?: { names: string[]; samples: Record<'da' | 'sv' | 'en', Record<string, string>> };
  /**
   * The merge fields of one real row of the module (e.g. a person and one of their tasks), for the template
   * editor's preview: `subjectId` and `detailId` are the module's own ids; undefined when there is no such row.
   * Must not issue anything (a preview's link is a sample).
   */
  templatePreview?: (deps: { db: Database }, tx: Transaction, tenantId: string, query: { subjectId: string; detailId?: string; locale: 'da' | 'sv' | 'en' }) => Promise<Record<string, string> | undefined>;
  /** Rows the template editor may preview with: up to 20 matching a search, each with its details (id and label). */
  templatePreviewChoices?: (deps: { db: Database }, tx: Transaction, tenantId: string, search: string) => Promise<{ id: string; label: string; details: { id: string; label: string }[] }[]>;
  /**
   * The paths of the module's pages on the public site (as its UI module's pages declare them, e.g.
   * `/petitions/:id`): the server answers them with the site, and any path no page has with 404. A page may also
   * have its path in a language's own words (LocalizedPagePath), used for the tenants of that language.
   */
  publicPages?: PublicPagePath[];
  /**
   * The served HTML of one of the module's public pages, for search engines and shared links: undefined for a
   * path it does not describe (or a row that is not public), and the site is served as it is.
   */
  publicPageHead?: (db: Database, tenantId: string, path: string, locale: 'da' | 'sv' | 'en') => Promise<PublicPageHead | undefined>;
  /**
   * What the demo municipalities show of the module on first start (`npm start`), made through its commands;
   * called on every start, so it must do nothing when the tenant has the module's demo data already.
   */
  demoData?: (deps: DemoDeps, tenantId: string, country: 'DK' | 'SE') => Promise<void>;
  /** The paths of the module's pages on the admin site (its admin UI module's pages), answered the same way. */
  adminPages?: string[];
  /**
   * Routes whose JSON bodies may be larger than the API's usual limit (a PDF sent as base64), by method and
   * path under /api (path-to-regexp syntax), with their limit (e.g. '8mb'); the route's schema still bounds it.
   */
  largeBodies?: { method: 'POST' | 'PUT'; path: string; limit: string }[];
  /** The module's API routes, mounted under /api on every tenant host and listed in the API document. */
  routes?: (deps: ModuleRouteDeps) => RouteSpec[];
  /**
   * The module's own activities (activities/<module>.ts), built from the dependencies the platform builds for
   * its own: the worker registers them beside the platform's and refuses to start when a name is taken twice.
   */
  activities?: (deps: ActivityDeps) => Record<string, (...args: never[]) => Promise<unknown>>;
  /**
   * The module's own workflow types (workflows/<module>/, exported by workflows/modules.ts, the workflow side's
   * list of modules): their exported names, none taken by the platform or another module.
   */
  workflowTypes?: string[];
  /**
   * Starts again the module's workflows that its data says should run but whose start may have been lost (a
   * crash between a commit and the start): called by the platform at start and every few minutes; idempotent
   * by workflow id. `tenantIds`, when given, keeps to those tenants (test platforms share one database).
   */
  resumeWorkflows?: (deps: ModuleWorkflowDeps, scope: { tenantIds?: readonly string[] }) => Promise<void>;
}

/** What a module's resumer (Module.resumeWorkflows) may use: the database, Temporal and the platform's logger. */
export interface ModuleWorkflowDeps {
  db: Database;
  temporal: FlowTemporal;
  logger: Logger;
}
