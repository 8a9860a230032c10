// A rush of sign-ups for one group, as a group commit (engine/db/group-commit.ts): the requests for the same link
// and choice that arrive while a batch of theirs is at the database leave together with the next one, in ONE
// transaction of seven round trips whatever its size (engine/db/one-statement.ts): the link and the task type's
// form are read in one statement, the group and the flow to start in another; the persons are found by their keyed
// hashes and locked FOR UPDATE in one (ordered by id, so two batches never wait on each other in a circle), with
// the tasks they hold that day; eligibility and overlaps are decided for each; as many vacant slots as there are
// eligible persons are picked with FOR UPDATE SKIP LOCKED and given in one UPDATE, in arrival order; then one
// statement writes the contact details, messages, assignments, flow instances, outbox rows and audit rows (their
// ids made here) and reads the receipts. A lone request is sent after one turn, so a quiet site waits for nothing.
//
// Each request still gets its own answer: a refusal (a bad field, not eligible, an overlap, taken) concerns only its
// request and writes nothing of it — the same answers, in the same order of checks, as the one-by-one path
// (signup.ts). What the batch does not do it leaves to that path: someone not yet a participant (the registry is
// asked, in a transaction of its own), the same person twice in one batch, and each request of a batch whose
// transaction failed as a whole (a deadlock, the database's backstop against two tasks a day), which is then tried
// again alone. Why: ~30 round trips per sign-up, each a write on the socket and a wait for a turn of the busy event
// loop, were the rush's cost (bench:signup).
import type { Transaction } from 'sequelize';
import { auditRowsPart, type CommandContext } from '../../../../audit/record';
import type { PendingAudit } from '../../../../flows/instance-store';
import type { Database } from '../../../../db/database';
import { GroupCommit } from '../../../../db/group-commit';
import { inOneStatement, numberedPart, readsInOneStatement, type StatementPart } from '../../../../db/one-statement';
import { AppError, NotFoundError } from '../../../../errors';
import { zoneOf } from '../../../../flows/tenant-rules';
import { PersonalNumbers } from '../../../../identity/personal-numbers';
import { select, type ElectionDeps } from '../../db';
import { eligibility, eligibilityContext } from '../../eligibility';
import { electionConflict } from '../../errors';
import { assignmentFactsOf, assignmentFactsQuery, tasksAssignedParts, type AssignmentFactsRow } from '../../flow-events';
import { findOverlap, overlapRefusal } from '../../overlap';
import { checkDiets, distinct, PARTICIPANT_COLUMNS_SQL, type ParticipantRow } from '../../participants/rows';
import { contactColumns, givesDiets } from '../../participants/contact-changes';
import { dietKey } from '../../participants/sealed-diets';
import { checkSignupFields } from '../../participants/signup-fields';
import { checkTaskFields, taskFieldsFormQuery, type TaskFieldsForm } from '../../participants/task-fields';
import { authorize } from '../../policies';
import { OFFER_FROM, offeredSlotsWhere } from '../../queries/links/offered-slots';
import { myTaskReceipt, receiptOf, receiptRowsPart, type ReceiptRow, type TaskReceipt } from '../../queries/public/my-task-receipt';
import { eligibilityPerson, type HeldTask } from '../assignments/common';
import {
  alternatives,
  choiceDate,
  choiceWhere,
  chosenGroupQuery,
  enteredFields,
  linkQuery,
  recordConsent,
  rememberSoldOut,
  signUp,
  slotTaken,
  soldOutKey,
  soldOutRefusal,
  type ChosenGroup,
  type Citizen,
  type LinkRow,
  type SignupAlternative,
  type SignupInput,
} from './signup';

interface Item {
  ctx: CommandContext;
  citizen: Citizen;
  input: SignupInput;
}

type Outcome = { kind: 'done'; row: ReceiptRow; consented: boolean } | { kind: 'refused'; error: AppError } | { kind: 'alone' };

/** One batcher per database (the platform has one; tests may start several). */
const batchers = new WeakMap<Database, GroupCommit<Item, Outcome>>();

function batcherOf(deps: ElectionDeps): GroupCommit<Item, Outcome> {
  let batcher = batchers.get(deps.db);
  if (!batcher) {
    // One batch of a group at a time, and a burst's calls gathered for one turn: a batch costs about the same
    // seven round trips whatever its size, so fewer and larger batches answer a rush sooner. (Lingering longer for
    // more calls, as Kafka's linger.ms, was measured worse: bench:signup p99 285-400 ms against 226-296.)
    batcher = new GroupCommit<Item, Outcome>((_lane, items) => signUpTogether(deps, items), { maxInFlight: 1, gatherOneTurn: true });
    batchers.set(deps.db, batcher);
  }
  return batcher;
}

/** How many batches this database's sign-ups went in, how many sign-ups they carried and for how long they were out (tests, benchmarks). */
export const signupBatchCounts = (db: Database): { batches: number; items: number; ms: number } => ({ ...(batchers.get(db)?.counts ?? { batches: 0, items: 0, ms: 0 }) });

/**
 * The sign-up of POST /election/public/signups and its receipt: through the group commit of its group, else (see
 * above) alone through signUp and myTaskReceipt. Refusals are thrown as the one-by-one path throws them.
 */
export async function signUpWithReceipt(deps: ElectionDeps, ctx: CommandContext, citizen: Citizen, input: SignupInput): Promise<TaskReceipt> {
  authorize(ctx.actor, 'election.signup', { tenantId: ctx.tenantId });
  // The group's key (a hash of the link token in it) serves the sold-out memory and the batcher's lane alike.
  const group = soldOutKey(ctx.tenantId, input);
  const remembered = soldOutRefusal(ctx.tenantId, input, group);
  if (remembered) throw remembered;
  let outcome: Outcome;
  try {
    outcome = await batcherOf(deps).submit(group, { ctx, citizen, input });
  } catch {
    outcome = { kind: 'alone' };
  }
  if (outcome.kind === 'refused') throw outcome.error;
  if (outcome.kind === 'done') {
    const consentRecorded = input.consent === true ? await recordConsent(deps, ctx) : outcome.consented;
    return receiptOf(outcome.row, consentRecorded);
  }
  const { slotId } = await signUp(deps, ctx, citizen, input);
  const { locale: _locale, ...receipt } = await myTaskReceipt(deps, ctx, slotId);
  return receipt;
}

/** Refusals that concern one request only (a thrown AppError); anything else fails the batch. */
async function each(outcomes: Outcome[], indexes: number[], check: (i: number) => Promise<void> | void): Promise<number[]> {
  const passed: number[] = [];
  for (const i of indexes) {
    try {
      await check(i);
      passed.push(i);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      outcomes[i] = { kind: 'refused', error: err };
    }
  }
  return passed;
}

/** The batch: items of one tenant, one link token and one choice, in arrival order; one outcome each. */
async function signUpTogether(deps: ElectionDeps, items: Item[]): Promise<Outcome[]> {
  const { db, keyring } = deps;
  const tenantId = items[0]!.ctx.tenantId;
  const { input: first } = items[0]!;
  const numbers = new PersonalNumbers(keyring);
  // Requests that queued behind the batch that took the last slot are told at once, from memory.
  const remembered = soldOutRefusal(tenantId, first);
  if (remembered) return items.map(() => ({ kind: 'refused', error: remembered }));
  let nowSoldOut: SignupAlternative[] | undefined;
  const outcomes = await db.withTenant(tenantId, async (tx) => {
    const outcomes: Outcome[] = items.map(() => ({ kind: 'alone' }));
    const refuseAll = (indexes: number[], error: AppError) => indexes.forEach((i) => (outcomes[i] = { kind: 'refused', error }));
    const all = items.map((_, i) => i);

    // 1. The link and what each body names (the one-by-one path's order of checks); the link and the task type's
    //    form in one read.
    const [links, forms] = await readsInOneStatement<[LinkRow[], TaskFieldsForm[]]>(db, tx, [
      numberedPart(linkQuery(first.linkToken)),
      numberedPart(taskFieldsFormQuery('slotId' in first.choice ? { slotId: first.choice.slotId } : { taskTypeId: first.choice.taskTypeId })),
    ]);
    const link = links[0];
    const form = forms[0];
    if (!link) {
      refuseAll(all, new NotFoundError());
      return outcomes;
    }
    const dietIds = items.map((it) => distinct(it.input.dietIds));
    const signupFields: Record<string, unknown>[] = [];
    const taskFields: Record<string, unknown>[] = [];
    const hashes: string[] = [];
    const checked = await each(outcomes, all, async (i) => {
      await checkDiets(db, tx, dietIds[i]!);
      signupFields[i] = await checkSignupFields(db, tx, items[i]!.input.fields);
      taskFields[i] = checkTaskFields(form, items[i]!.input.taskFields);
      hashes[i] = await numbers.lookupHash(tx, tenantId, items[i]!.citizen.pn);
    });

    if (checked.length === 0) return outcomes;

    // 2. The group: gone, or none left — every one of them is told at once, without a lock (and without asking
    //    the registry about someone new).
    const zone = zoneOf(link.country);
    let offered: SignupAlternative[] | undefined;
    // The group, and the flow its sign-ups start (step 6), in one read.
    const [groups, factRows] = await readsInOneStatement<[ChosenGroup[], AssignmentFactsRow[]]>(db, tx, [numberedPart(chosenGroupQuery(link, zone, first.choice)), numberedPart(assignmentFactsQuery([link.election_id]))]);
    const group = groups[0];
    const taken = async () => slotTaken((offered ??= await alternatives(db, tx, link, zone, group ? group.date : await choiceDate(db, tx, first.choice), first.choice)));
    if (!group || group.vacant === 0) {
      const refusal = await taken();
      if (group) rememberSoldOut(tenantId, first, offered!);
      refuseAll(checked, refusal);
      return outcomes;
    }

    // 3. Who: the participants of these numbers, locked in one statement (ordered by id), with the tasks each
    //    holds that day. Someone new, or the same person again in this batch, is left to go alone.
    const locked = await select<ParticipantRow & { held: HeldTask[] | null }>(
      db,
      tx,
      `SELECT ${PARTICIPANT_COLUMNS_SQL},
              (SELECT json_agg(json_build_object('slotId', s.id, 'date', s.task_date::text, 'start', to_char(tt.start_time, 'HH24:MI'), 'end', to_char(tt.end_time, 'HH24:MI')) ORDER BY tt.start_time, s.id)
                 FROM task_slots s JOIN task_types tt ON tt.tenant_id = s.tenant_id AND tt.id = s.task_type_id
                WHERE s.participant_id = p.id AND s.state IN ('invited', 'accepted') AND s.task_date = $2::date) AS held
         FROM participants p WHERE p.personal_number_hash = ANY($1::text[]) ORDER BY p.id FOR UPDATE OF p`,
      [checked.map((i) => hashes[i]!), group.date],
    );
    const byHash = new Map(locked.map((r) => [r.personal_number_hash, r]));
    const personOf: (ParticipantRow & { held: HeldTask[] | null })[] = [];
    const seen = new Set<string>();
    const people = checked.filter((i) => {
      const row = byHash.get(hashes[i]!);
      if (!row || seen.has(row.id)) return false;
      seen.add(row.id);
      personOf[i] = row;
      return true;
    });
    if (people.length === 0) return outcomes;

    // 4. Each: eligible, and free at that time.
    const context = eligibilityContext(link.country, group.date);
    const free = await each(outcomes, people, (i) => {
      const verdict = eligibility(eligibilityPerson(personOf[i]!), link.rules, context);
      if (!verdict.eligible) throw electionConflict('election.notEligible', 'the person may not hold this task', { reasons: verdict.reasons });
      const clash = findOverlap(group, personOf[i]!.held ?? []);
      if (clash) throw overlapRefusal(clash);
    });
    if (free.length === 0) return outcomes;

    // 5. As many vacant slots as there are people left, another batch's locked ones skipped, given in arrival
    //    order in the same statement: the k-th slot picked (by id) to the k-th person.
    const { where, bind } = offeredSlotsWhere(link, zone);
    const chosen = choiceWhere(first.choice, bind);
    bind.push(free.map((i) => personOf[i]!.id), free.map((i) => JSON.stringify(taskFields[i])));
    const given = await select<{ id: string; n: string }>(
      db,
      tx,
      `WITH picked AS (SELECT s.id FROM ${OFFER_FROM} WHERE ${where} AND ${chosen} ORDER BY s.id LIMIT ${free.length} FOR UPDATE OF s SKIP LOCKED),
            numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM picked)
       UPDATE task_slots t SET participant_id = x.p, state = 'accepted', registered_directly = true, answered_on_behalf = false, answered_at = clock_timestamp(), invitation_token_hash = NULL, task_fields = x.f, updated_at = now()
         FROM numbered JOIN unnest($${bind.length - 1}::uuid[], $${bind.length}::jsonb[]) WITH ORDINALITY AS x(p, f, n) ON x.n = numbered.n
        WHERE t.id = numbered.id AND t.participant_id IS NULL AND t.state = 'vacant' RETURNING t.id, x.n`,
      bind,
    );
    const slotOf = new Map(given.map((r) => [free[Number(r.n) - 1]!, r.id]));
    const done = free.filter((i) => slotOf.has(i));
    const losers = free.filter((i) => !slotOf.has(i));
    if (losers.length) refuseAll(losers, await taken());
    if (done.length === 0) return outcomes;

    // 6. What the winners entered, their login, the flows, the audit and the receipts, as one statement
    //    (engine/db/one-statement.ts): the ids of what it writes are made here.
    const facts = assignmentFactsOf(factRows[0]);
    const contacts = await contactsPart(deps, tx, tenantId, done.map((i) => ({ row: personOf[i]!, input: items[i]!.input, userId: items[i]!.citizen.userId, signupFields: signupFields[i]! })));
    const audits: PendingAudit[] = [];
    const assigned = tasksAssignedParts(done.map((i) => ({ ctx: items[i]!.ctx, ref: { participantId: personOf[i]!.id, electionId: link.election_id, slotId: slotOf.get(i)! } })), 'registrationConfirmed', facts, audits);
    for (const i of done) {
      const { ctx, input } = items[i]!;
      const participantId = personOf[i]!.id;
      if (contacts.updated.has(participantId)) audits.push({ ctx, event: { action: 'election.participantUpdated', entityType: 'electionParticipant', entityId: participantId, summary: { fields: enteredFields(input, dietIds[i]!, signupFields[i]!), selfSignup: true } } });
      const slotId = slotOf.get(i)!;
      audits.push({ ctx, event: { action: 'election.taskSignedUp', entityType: 'electionTask', entityId: slotId, summary: { slotId, participantId, linkId: link.id, newParticipant: false, taskFields: Object.keys(taskFields[i]!) } } });
    }

    // 7. The receipts, that statement's final SELECT (the slots were given by the one before), each with whether
    //    its holder's consent is on record.
    const receipts = await inOneStatement<ReceiptRow>(
      db,
      tx,
      [contacts.part, ...assigned.parts, auditRowsPart(audits)],
      receiptRowsPart(done.map((i) => ({ slotId: slotOf.get(i)!, participantId: personOf[i]!.id, userId: items[i]!.citizen.userId }))),
    );
    const rows = new Map(receipts.map((r) => [r.id, r]));
    for (const i of done) {
      const row = rows.get(slotOf.get(i)!)!;
      outcomes[i] = { kind: 'done', row, consented: row.consented === true };
    }
    // This batch took the group's last vacant slots: what it would offer instead, remembered once it commits.
    if (done.length >= group.vacant) nowSoldOut = offered ?? (await alternatives(db, tx, link, zone, group.date, first.choice));
    return outcomes;
  });
  if (nowSoldOut) rememberSoldOut(tenantId, first, nowSoldOut);
  return outcomes;
}

interface ContactChange {
  row: ParticipantRow;
  input: SignupInput;
  userId: string;
  signupFields: Record<string, unknown>;
}

/**
 * The winners' phone, e-mail, diets and template answers as the wizard gave them (only what was given), and their
 * login, as one UPDATE — what updateContact and the user_id update of the one-by-one path do — written as a part of
 * the batch's statement. Answers it, and the participants with a field changed.
 */
async function contactsPart(deps: ElectionDeps, tx: Transaction, tenantId: string, changes: ContactChange[]): Promise<{ part: StatementPart; updated: Set<string> }> {
  const { keyring } = deps;
  const key = changes.some((c) => givesDiets(c.input)) ? await dietKey(keyring, tx, tenantId) : undefined;
  const cols = changes.map(({ row, input, signupFields }) => {
    const columns = contactColumns(row, input, key);
    return {
      setPhone: columns.phone !== undefined,
      phone: columns.phone ?? null,
      setEmail: columns.email !== undefined,
      email: columns.email ?? null,
      setDiets: columns.diets_sealed !== undefined,
      diets: columns.diets_sealed ?? null,
      setFields: input.fields !== undefined,
      fields: JSON.stringify(signupFields),
    };
  });
  const columns: [unknown[], string][] = [
    [changes.map((c) => c.row.id), 'uuid'],
    [cols.map((c) => c.setPhone), 'boolean'],
    [cols.map((c) => c.phone), 'text'],
    [cols.map((c) => c.setEmail), 'boolean'],
    [cols.map((c) => c.email), 'text'],
    [cols.map((c) => c.setDiets), 'boolean'],
    [cols.map((c) => c.diets), 'bytea'],
    [cols.map((c) => c.setFields), 'boolean'],
    [cols.map((c) => c.fields), 'jsonb'],
    [changes.map((c) => c.userId), 'uuid'],
  ];
  const part: StatementPart = (p) => `UPDATE participants p SET
        phone = CASE WHEN x.set_phone THEN x.phone ELSE p.phone END,
        email = CASE WHEN x.set_email THEN x.email ELSE p.email END,
        diets_sealed = CASE WHEN x.set_diets THEN x.diets ELSE p.diets_sealed END,
        signup_fields = CASE WHEN x.set_fields THEN p.signup_fields || x.fields ELSE p.signup_fields END,
        user_id = COALESCE(p.user_id, x.user_id),
        updated_at = CASE WHEN x.set_phone OR x.set_email OR x.set_diets OR x.set_fields THEN now() ELSE p.updated_at END
       FROM unnest(${p.arrays(columns)})
         AS x(id, set_phone, phone, set_email, email, set_diets, diets, set_fields, fields, user_id)
      WHERE p.id = x.id`;
  return { part, updated: new Set(changes.filter((_, n) => cols[n]!.setPhone || cols[n]!.setEmail || cols[n]!.setDiets || cols[n]!.setFields).map((c) => c.row.id)) };
}
