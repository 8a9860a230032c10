// A citizen signs up on the public site for one task a task link offers (the sign-up wizard's last step). The
// person is the one the e-ID login gave: the session holds their personal number sealed, and the participant of
// that number is found by its keyed hash or, for someone new, made from the civil registry (the lookup audited
// and committed in a transaction of its own, as create-participant.ts does) — never from what the body says.
// Eligibility (every reason) and overlap are decided on the participant row locked FOR UPDATE; then ONE vacant
// slot of the chosen group is taken: SELECT … FOR UPDATE OF s SKIP LOCKED among the group's vacant slots the link
// still offers, then the conditional UPDATE … WHERE participant_id IS NULL. Two citizens racing for the last slot:
// one locks it, the other skips it, finds none and is told election.slotTaken with the nearest alternatives (other
// vacant groups of the same link, the same date first). The slot is accepted at once (registered directly,
// 'registrationConfirmed' queued), audited with ids only. A refused sign-up writes nothing (a new person is not
// kept either). Consent ("keep my details for the next election") is the site's consent statement submitted
// through the platform's forms (a consent record with its version) after the sign-up; declining it changes nothing.
// The answers to the chosen task type's extra fields are checked against its form's newest published version before
// anything is written (participants/task-fields.ts) and kept with the slot taken; the audit names the fields only.
import type { Request } from 'express';
import { QueryTypes, UniqueConstraintError, type Transaction } from 'sequelize';
import type { ElectionSignupCreate } from '../../../../../schemas/types/election-signup-create';
import type { FormDefinitionDraft } from '../../../../../schemas/types/forms-form-definition-draft';
import { parsePersonalNumber, type ParsedPersonalNumber } from '../../../../../forms/formats/personal-number';
import type { Actor } from '../../../../actors';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { assertValidAnswers } from '../../../../forms/answers';
import { storeSubmission } from '../../../../forms/store-submission';
import type { Database } from '../../../../db/database';
import type { NumberedQuery } from '../../../../db/one-statement';
import { ForbiddenError, NotFoundError, RegistryUnavailableError, UnauthenticatedError } from '../../../../errors';
import { zoneOf } from '../../../../flows/tenant-rules';
import { PersonalNumbers } from '../../../../identity/personal-numbers';
import type { RegistryPerson } from '../../../../registry/types';
import type { Country } from '../../../../db/models';
import { COLLATION, execute, select, tenantFacts, type ElectionDeps } from '../../db';
import type { ElectionTypeRule } from '../../election-type-rules';
import { eligibility, eligibilityContext, type EligibilityPerson } from '../../eligibility';
import { electionConflict } from '../../errors';
import { findOverlap, overlapRefusal } from '../../overlap';
import { taskAssigned } from '../../flow-events';
import { insertParticipant as insertParticipantRow } from '../../participants/insert';
import { ParticipantUpdate } from '../../participants/contact-changes';
import { checkDiets, distinct, findParticipant } from '../../participants/rows';
import { checkSignupFields, signupFieldsDefinition } from '../../participants/signup-fields';
import { checkTaskFields, taskFieldsForm } from '../../participants/task-fields';
import { authorize } from '../../policies';
import { linkTokenHash } from '../links/link-tokens';
import { OFFER_FROM, offeredSlotsWhere, type LinkTarget } from '../../queries/links/offered-slots';
import { eligibilityPerson, heldTasksOn, lockParticipant } from '../assignments/common';

/** Why the registry is asked when someone new signs up, as its audit row says. */
export const SIGNUP_PURPOSE = 'participant.signup';

/** At most this many alternatives are offered with a refusal. */
export const ALTERNATIVES = 5;

/** No slot: the overlap check of a task not taken yet excludes none. */
export const NO_SLOT = '00000000-0000-0000-0000-000000000000';

export type SignupInput = ElectionSignupCreate;

/** A vacant group of the same link offered instead of a task just taken. */
export interface SignupAlternative {
  workLocationId: string;
  taskTypeId: string;
  teamId: string;
  date: string;
  workLocation: string;
  taskType: string;
  start: string;
  end: string;
  team: string;
  vacant: number;
}

/** The logged-in citizen: their user and the personal number their e-ID gave (opened from the session). */
export interface Citizen {
  userId: string;
  pn: ParsedPersonalNumber;
}

/** The citizen of this request, from the session's sealed personal number; 401 without a login, 403 without an e-ID number. */
export async function citizenOf(deps: Pick<ElectionDeps, 'keyring'>, req: Request, actor: Actor): Promise<Citizen> {
  const session = req.session;
  if (!session || actor.kind !== 'user' || session.userId !== actor.id) throw new UnauthenticatedError();
  const sealed = session.kind === 'citizen' ? session.citizen?.personalNumber : null;
  if (!sealed) throw new ForbiddenError('signing up takes a citizen’s e-ID login');
  const canonical = await new PersonalNumbers(deps.keyring).revealOf(actor.tenantId, { country: sealed.country, ciphertext: sealed.sealed });
  const pn = parsePersonalNumber(sealed.country, canonical);
  if (!pn) throw new ForbiddenError('the login’s personal number cannot be read');
  return { userId: actor.id, pn };
}

export interface LinkRow extends LinkTarget {
  id: string;
  /** The election type's eligibility rules and the tenant's country, read with the link (no round trips of their own). */
  rules: ElectionTypeRule[];
  country: Country;
}

/** The link of this token while it works (active election, not revoked, not expired), else 404. */
export async function findLink(db: Database, tx: Transaction, token: string): Promise<LinkRow> {
  const q = linkQuery(token);
  const [link] = await select<LinkRow>(db, tx, q.sql, q.bind);
  if (!link) throw new NotFoundError();
  return link;
}

/** findLink's SELECT (its columns JSON-safe, for readsInOneStatement); no row when the link is gone. */
export function linkQuery(token: string): NumberedQuery {
  return {
    sql: `SELECT l.id, l.kind, l.election_id, l.slot_id, l.team_id, l.filters, et.rules, t.country
       FROM task_links l JOIN elections e ON e.id = l.election_id JOIN election_types et ON et.tenant_id = e.tenant_id AND et.id = e.election_type_id
       JOIN tenants t ON t.id = l.tenant_id
      WHERE l.token_hash = $1 AND l.revoked_at IS NULL AND l.expires_at > now() AND e.active`,
    bind: [linkTokenHash(token)],
  };
}

/** The choice as a condition on the link's offered slots (numbered on from `bind`). */
export function choiceWhere(choice: SignupInput['choice'], bind: unknown[]): string {
  const add = (value: unknown) => {
    bind.push(value);
    return `$${bind.length}`;
  };
  if ('slotId' in choice) return `s.id = ${add(choice.slotId)}::uuid`;
  return `s.work_location_id = ${add(choice.workLocationId)}::uuid AND s.task_type_id = ${add(choice.taskTypeId)}::uuid AND s.team_id = ${add(choice.teamId)}::uuid AND s.task_date = ${add(choice.date)}::date`;
}

/** The date of the choice (a task link's slot: its date, even when no longer vacant), for the alternatives' order. */
export async function choiceDate(db: Database, tx: Transaction, choice: SignupInput['choice']): Promise<string | null> {
  if (!('slotId' in choice)) return choice.date;
  const [row] = await select<{ date: string }>(db, tx, 'SELECT task_date::text AS date FROM task_slots WHERE id = $1', [choice.slotId]);
  return row?.date ?? null;
}

/** The link's other vacant groups, the chosen date first, then the nearest dates. */
export async function alternatives(db: Database, tx: Transaction, link: LinkTarget, zone: string, date: string | null, except?: SignupInput['choice']): Promise<SignupAlternative[]> {
  const { where, bind } = offeredSlotsWhere(link, zone);
  const not = except ? ` AND NOT (${choiceWhere(except, bind)})` : '';
  bind.push(date);
  const d = `$${bind.length}::date`;
  return select<SignupAlternative>(
    db,
    tx,
    `SELECT wl.id AS "workLocationId", tt.id AS "taskTypeId", t.id AS "teamId", s.task_date::text AS date, wl.name AS "workLocation", tt.title AS "taskType",
            to_char(tt.start_time, 'HH24:MI') AS start, to_char(tt.end_time, 'HH24:MI') AS "end", t.name AS team, count(*)::integer AS vacant
       FROM ${OFFER_FROM} JOIN teams t ON t.id = s.team_id
      WHERE ${where}${not}
      GROUP BY wl.id, tt.id, t.id, s.task_date
      ORDER BY abs(s.task_date - coalesce(${d}, s.task_date)), s.task_date, count(*) DESC, wl.name, tt.title, t.name
      LIMIT ${ALTERNATIVES}`,
    bind,
  );
}

/**
 * Groups just found with no vacant slot, remembered for a moment in this process: in a rush, the thousands of
 * requests that come after the last slot went are answered from memory (the same 409 with the same alternatives)
 * instead of each opening a transaction. A slot freed meanwhile is offered again at most SOLD_OUT_MS later.
 */
export const SOLD_OUT_MS = 1000;
const soldOut = new Map<string, { until: number; alternatives: SignupAlternative[] }>();

/** Remembers that the group of this sign-up has no vacant slot, with the alternatives offered instead. */
export function rememberSoldOut(tenantId: string, input: SignupInput, alternatives: SignupAlternative[]): void {
  if (soldOut.size >= 10_000) soldOut.clear();
  soldOut.set(soldOutKey(tenantId, input), { until: Date.now() + SOLD_OUT_MS, alternatives });
}

/** The refusal remembered for this sign-up's group, while it is fresh. */
export function soldOutRefusal(tenantId: string, input: SignupInput, key = soldOutKey(tenantId, input)): ReturnType<typeof slotTaken> | undefined {
  const known = soldOut.get(key);
  return known && known.until > Date.now() ? slotTaken(known.alternatives) : undefined;
}
export const soldOutKey = (tenantId: string, input: SignupInput) => `${tenantId}|${linkTokenHash(input.linkToken)}|${JSON.stringify(input.choice)}`;

export const slotTaken = (alternatives: SignupAlternative[]) =>
  electionConflict('election.slotTaken', 'the chosen task was just taken', {
    alternatives,
  });

/** The group the link offers for the choice (any of its slots, vacant or not): its date and hours, and how many are vacant. */
export interface ChosenGroup {
  date: string;
  start: string;
  end: string;
  vacant: number;
}

export async function chosenGroup(db: Database, tx: Transaction, link: LinkTarget, zone: string, choice: SignupInput['choice']): Promise<ChosenGroup | undefined> {
  const q = chosenGroupQuery(link, zone, choice);
  const [group] = await select<ChosenGroup>(db, tx, q.sql, q.bind);
  return group;
}

/** chosenGroup's SELECT (its columns JSON-safe, for readsInOneStatement). */
export function chosenGroupQuery(link: LinkTarget, zone: string, choice: SignupInput['choice']): NumberedQuery {
  const base = offeredSlotsWhere(link, zone);
  const bind = [...base.bind];
  const chosen = choiceWhere(choice, bind);
  return {
    sql: `SELECT s.task_date::text AS date, to_char(tt.start_time, 'HH24:MI') AS start, to_char(tt.end_time, 'HH24:MI') AS "end", count(*) FILTER (WHERE s.state = 'vacant')::integer AS vacant
       FROM ${OFFER_FROM} WHERE ${base.where.replace("s.state = 'vacant'", 'true')} AND ${chosen}
      GROUP BY s.task_date, tt.start_time, tt.end_time LIMIT 1`,
    bind,
  };
}

export async function signUp(
  deps: ElectionDeps,
  ctx: CommandContext,
  citizen: Citizen,
  input: SignupInput,
): Promise<{
  slotId: string;
  participantId: string;
  created: boolean;
  consentRecorded: boolean;
}> {
  authorize(ctx.actor, 'election.signup', { tenantId: ctx.tenantId });
  const { db, keyring, registry } = deps;
  const numbers = new PersonalNumbers(keyring);
  const dietIds = distinct(input.dietIds);

  /**
   * The participant's checks under its lock and the slot, in the caller's transaction: a new person (from the
   * registry's answer) is made first, and a refusal rolls that back too.
   */
  const takeSlot = async (tx: Transaction, link: LinkRow, known: { participantId: string } | { person: RegistryPerson }, signupFields: Record<string, unknown>, taskFields: Record<string, unknown>) => {
    const zone = zoneOf(link.country);
    // The group the link offers (any of its slots, vacant or not): its date and hours, and how many are vacant.
    const group = await chosenGroup(db, tx, link, zone, input.choice);
    if (!group) throw slotTaken(await alternatives(db, tx, link, zone, await choiceDate(db, tx, input.choice), input.choice));
    // None left: said at once, without taking any lock (the rush's common answer), and remembered a moment.
    if (group.vacant === 0) {
      const offered = await alternatives(db, tx, link, zone, group.date, input.choice);
      rememberSoldOut(ctx.tenantId, input, offered);
      throw slotTaken(offered);
    }

    // Who: the person of the login, made from the registry when new.
    let created = false;
    let participantId: string | undefined;
    let eligibleAs: EligibilityPerson | undefined;
    if ('person' in known) {
      const inserted = await insertParticipant(deps, tx, ctx, citizen, known.person, input, dietIds, signupFields);
      created = inserted !== undefined;
      if (created) eligibleAs = known.person;
      // The same person made a participant meanwhile (a second tab, an administrator): that one it is.
      participantId = inserted ?? (await select<{ id: string }>(db, tx, 'SELECT id FROM participants WHERE personal_number_hash = $1', [await numbers.lookupHash(tx, ctx.tenantId, citizen.pn)]))[0]?.id;
      if (!participantId) throw new NotFoundError();
    } else participantId = known.participantId;
    // Lock order: the participant, then the slot.
    const locked = await lockParticipant(db, tx, participantId);
    if (!locked) throw new NotFoundError();
    const verdict = eligibility(eligibleAs ?? eligibilityPerson(locked), link.rules, eligibilityContext(link.country, group.date));
    if (!verdict.eligible) throw electionConflict('election.notEligible', 'the person may not hold this task', { reasons: verdict.reasons });
    const held = findOverlap({ date: group.date, start: group.start, end: group.end }, await heldTasksOn(db, tx, [participantId], group.date, NO_SLOT));
    if (held) throw overlapRefusal(held);

    // ONE vacant slot of the group: another sign-up's locked slot is skipped, not waited for.
    const { where, bind } = offeredSlotsWhere(link, zone);
    const [free] = await select<{ id: string }>(db, tx, `SELECT s.id FROM ${OFFER_FROM} WHERE ${where} AND ${choiceWhere(input.choice, bind)} ORDER BY s.id LIMIT 1 FOR UPDATE OF s SKIP LOCKED`, bind);
    if (!free) throw slotTaken(await alternatives(db, tx, link, zone, group.date, input.choice));
    const taken = await execute(
      db,
      tx,
      `UPDATE task_slots SET participant_id = $2, state = 'accepted', registered_directly = true, answered_on_behalf = false, answered_at = clock_timestamp(), invitation_token_hash = NULL, task_fields = $3::jsonb, updated_at = now()
        WHERE id = $1 AND participant_id IS NULL AND state = 'vacant'`,
      [free.id, participantId, JSON.stringify(taskFields)],
    );
    if (taken !== 1) throw slotTaken(await alternatives(db, tx, link, zone, group.date, input.choice));

    const updated = !created && (await updateContact(deps, tx, participantId, input, signupFields));
    await execute(db, tx, 'UPDATE participants SET user_id = $1 WHERE id = $2 AND user_id IS NULL', [citizen.userId, participantId]);
    await taskAssigned(db, tx, ctx, { participantId, electionId: link.election_id, slotId: free.id }, 'registrationConfirmed');
    // The audit rows last: the tenant's audit chain orders them, so its turn is taken just before the commit.
    const fields = enteredFields(input, dietIds, signupFields);
    if (created && 'person' in known) await recordAudit(db, tx, ctx, { action: 'election.participantCreated', entityType: 'electionParticipant', entityId: participantId, summary: { fields, protectedAddress: known.person.protectedAddress, selfSignup: true } });
    if (updated) await recordAudit(db, tx, ctx, { action: 'election.participantUpdated', entityType: 'electionParticipant', entityId: participantId, summary: { fields, selfSignup: true } });
    await recordAudit(db, tx, ctx, { action: 'election.taskSignedUp', entityType: 'electionTask', entityId: free.id, summary: { slotId: free.id, participantId, linkId: link.id, newParticipant: created, taskFields: Object.keys(taskFields) } });
    return { slotId: free.id, participantId, created };
  };

  const remembered = soldOutRefusal(ctx.tenantId, input);
  if (remembered) throw remembered;

  let result: { slotId: string; participantId: string; created: boolean };
  try {
    // 1. The link and what the body names; a known person signs up in this same transaction. Someone new is
    //    looked up in the registry here (its audit row commits with this transaction, whatever comes of it) …
    const first = await db.withTenant(ctx.tenantId, async (tx) => {
      const link = await findLink(db, tx, input.linkToken);
      await checkDiets(db, tx, dietIds);
      const signupFields = await checkSignupFields(db, tx, input.fields);
      const taskFields = checkTaskFields(await taskFieldsForm(db, tx, 'slotId' in input.choice ? { slotId: input.choice.slotId } : { taskTypeId: input.choice.taskTypeId }), input.taskFields);
      const hash = await numbers.lookupHash(tx, ctx.tenantId, citizen.pn);
      const [existing] = await select<{ id: string }>(db, tx, 'SELECT id FROM participants WHERE personal_number_hash = $1', [hash]);
      if (existing) return { kind: 'done' as const, done: await takeSlot(tx, link, { participantId: existing.id }, signupFields, taskFields) };
      if (!registry) throw new RegistryUnavailableError('No civil registry is configured.');
      const person = await registry.lookup(tx, ctx, citizen.pn.canonical, { purpose: SIGNUP_PURPOSE });
      // The registry not knowing the person who logged in with e-ID: nothing to go on.
      if (!person) throw new ForbiddenError('the civil registry knows no such person');
      return { kind: 'new' as const, link, person, signupFields, taskFields };
    });
    // 2. … and made a participant, checked and given the slot in a second one, all or nothing.
    result = first.kind === 'done' ? first.done : await db.withTenant(ctx.tenantId, (tx) => takeSlot(tx, first.link, { person: first.person }, first.signupFields, first.taskFields));
  } catch (err) {
    // The database's backstop: the person holds a slot of this task type on this date (a race the locks did not see).
    if (err instanceof UniqueConstraintError && (err.parent as { constraint?: string } | undefined)?.constraint === 'task_slots_one_per_type_and_day') {
      throw electionConflict('election.overlap', 'the person already holds a task of this type on this date', {});
    }
    throw err;
  }

  const consentRecorded = input.consent === true ? await recordConsent(deps, ctx) : await hasConsent(db, ctx);
  return { ...result, consentRecorded };
}

/** A new participant from the registry's answer and what the person entered; undefined when one with the number appeared meanwhile. */
function insertParticipant(deps: ElectionDeps, tx: Transaction, ctx: CommandContext, citizen: Citizen, person: RegistryPerson, input: SignupInput, dietIds: string[], signupFields: Record<string, unknown>): Promise<string | undefined> {
  return insertParticipantRow(deps.db, deps.keyring, tx, ctx.tenantId, { pn: citizen.pn, person, phone: input.phone, email: input.email, dietIds, dietNote: input.dietNote, signupFields, userId: citizen.userId });
}

/** Which fields were entered, never their values. */
export const enteredFields = (input: SignupInput, dietIds: string[], signupFields: Record<string, unknown>): string[] =>
  Object.entries({
    phone: input.phone,
    email: input.email,
    diets: dietIds.length || input.dietNote,
    signupFields: Object.keys(signupFields).length,
  })
    .filter(([, v]) => Boolean(v))
    .map(([k]) => k);

/** A known participant's phone, e-mail, diets and template answers as the wizard gave them (only what was given); whether any was. */
async function updateContact(deps: ElectionDeps, tx: Transaction, participantId: string, input: SignupInput, signupFields: Record<string, unknown>): Promise<boolean> {
  const { db, keyring } = deps;
  const update = new ParticipantUpdate(await findParticipant(db, tx, participantId));
  await update.contact(db, keyring, tx, input);
  if (input.fields !== undefined) {
    update.set('signup_fields', JSON.stringify(signupFields), (param) => `signup_fields || ${param}::jsonb`);
    update.fields.push('signupFields');
  }
  const sql = update.sql();
  if (!sql) return false;
  await execute(db, tx, sql, update.bind);
  return true;
}

interface ConsentForm {
  id: string;
  version: number;
  schema: { properties?: Record<string, { type?: string }> };
  content_hash: string;
}

/** The site's consent statement (its newest published version) while consent is asked, else undefined. */
async function consentForm(db: Database, tenantId: string): Promise<ConsentForm | undefined> {
  return db.withTenant(tenantId, async (tx) => {
    const [row] = await db.sequelize.query<ConsentForm>(
      `SELECT v.definition_id AS id, v.version, v.definition->'schema' AS schema, v.content_hash
         FROM election_site s JOIN form_versions v ON v.definition_id = s.privacy_form_id
        WHERE s.consent_enabled ORDER BY v.version DESC LIMIT 1`,
      { type: QueryTypes.SELECT, transaction: tx },
    );
    return row;
  });
}

/** Whether the citizen's consent to the site's consent statement is on record and not withdrawn. */
export async function hasConsent(db: Database, ctx: CommandContext): Promise<boolean> {
  if (ctx.actor.kind !== 'user') return false;
  const userId = ctx.actor.id;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const rows = await select<{ n: number }>(db, tx, 'SELECT count(*)::integer AS n FROM consent_records c JOIN election_site s ON s.privacy_form_id = c.definition_id WHERE c.user_id = $1 AND c.withdrawn_at IS NULL', [userId]);
    return (rows[0]?.n ?? 0) > 0;
  });
}

/**
 * The citizen's consent: the site's consent statement, every yes/no of it answered yes, stored as the platform's
 * forms store an answered consent statement (engine/forms/store-submission.ts: sealed, a consent record with the
 * version, audited form.submitted with ids and counts), the answers checked against the published version first. Consent not asked: false.
 */
export async function recordConsent(deps: ElectionDeps, ctx: CommandContext): Promise<boolean> {
  authorize(ctx.actor, 'election.signup', { tenantId: ctx.tenantId });
  if (ctx.actor.kind !== 'user') throw new UnauthenticatedError();
  const form = await consentForm(deps.db, ctx.tenantId);
  if (!form) return false;
  if (await hasConsent(deps.db, ctx)) return true;
  const answers = Object.fromEntries(Object.entries(form.schema.properties ?? {}).flatMap(([name, p]) => (p.type === 'boolean' ? [[name, true]] : [])));
  const valid = assertValidAnswers(form.content_hash, form.schema, answers);
  const { db, keyring } = deps;
  // The site's privacy form is a consent statement: stored as one, its consent record with its version.
  await db.withTenant(ctx.tenantId, (tx) => storeSubmission(db, keyring, tx, ctx, { definitionId: form.id, version: form.version, kind: 'consentStatement' }, valid));
  return true;
}

/** A published form the wizard asks, as the public site's renderer takes it (the forms' own definition). */
export interface WizardForm {
  id: string;
  version: number;
  definition: FormDefinitionDraft;
}

/**
 * What the wizard offers to choose (anyone may ask: diet names, whether consent is asked and the forms' questions
 * are no one's data): the signup template's extra fields (its published definition without the fields the wizard
 * asks itself; validator at …/signup-fields/validator.js) and each task type's extra-fields form (its newest
 * published version, as GET /api/forms/:id/versions/:version serves it, validator included).
 */
export async function signupOptions(
  deps: ElectionDeps,
  tenantId: string,
): Promise<{ diets: { id: string; name: string }[]; consentAsked: boolean; signupFields: WizardForm | null; taskTypeFields: { taskTypeId: string; form: WizardForm }[] }> {
  const { db } = deps;
  const { diets, signupFields, taskTypeFields } = await db.withTenant(tenantId, async (tx) => {
    const { country } = await tenantFacts(db, tx, tenantId);
    return {
      diets: await select<{ id: string; name: string }>(db, tx, `SELECT id, name FROM special_diets ORDER BY name COLLATE ${COLLATION[country]} LIMIT 200`),
      signupFields: await signupFieldsDefinition(db, tx),
      taskTypeFields: await select<{ taskTypeId: string; id: string; version: number; definition: FormDefinitionDraft }>(
        db,
        tx,
        `SELECT tt.id AS "taskTypeId", d.id, v.version, v.definition
           FROM task_types tt JOIN form_definitions d ON d.id = tt.fields_form_id AND d.kind = 'taskTypeFields' AND d.latest_version > 0
           JOIN form_versions v ON v.definition_id = d.id AND v.version = d.latest_version
          ORDER BY tt.id LIMIT 200`,
      ),
    };
  });
  return {
    diets,
    consentAsked: (await consentForm(db, tenantId)) !== undefined,
    signupFields: signupFields ? { id: signupFields.id, version: signupFields.version, definition: signupFields.definition } : null,
    taskTypeFields: taskTypeFields.map(({ taskTypeId, id, version, definition }) => ({ taskTypeId, form: { id, version, definition } })),
  };
}

/** The signup template's extra fields as the wizard asks them (signupOptions), for their browser validator; none: an empty form's. */
export async function signupFieldsForm(deps: ElectionDeps, tenantId: string): Promise<FormDefinitionDraft> {
  const form = await deps.db.withTenant(tenantId, (tx) => signupFieldsDefinition(deps.db, tx));
  return form?.definition ?? { schemaVersion: 1, kind: 'signupTemplate', title: {}, schema: { type: 'object', properties: {} } };
}
