// The data of `npm run bench:staffing-setup`: a tenant's election staffing set up through the module's commands
// (its demo content: election types, areas, polling stations, task types, the parties and two ordinary teams as
// teams, diets, an election set up and activated), and then N synthetic participants by a bulk path that keeps
// what the create command keeps:
//  - RLS: every row is inserted by the application role inside `db.withTenant` (one transaction per batch of
//    BATCH people), so the tenant_isolation policies' WITH CHECK applies to each row;
//  - encryption: each personal number sealed with the tenant's key, with its keyed hash and its masked form, by
//    the same PersonalNumbers class (the keys come from the keyring's cache after the batch's first person);
//    special diets sealed with sealDiets, bound to the tenant and the participant;
//  - audit: one `election.participantCreated` row per person, by id, with the command's summary (which fields
//    were entered, protected address or not). recordAudit takes one event, so the batch's rows go in as one
//    multi-row INSERT through the same AuditEntry model it uses (bulkCreate, same columns and actor); the
//    database's per-row trigger chains each of them (seq, prev_hash, hash) as it does for a single insert.
// Multi-row INSERTs (unnest of one array per column) for participants, team_members, task_slots.
//
// The people: Danish given and family names (Æ, Ø, Å and AA among them, so the tenant's ICU collation decides
// the order), birth dates spread evenly over 18–80 years ago, 2–3 teams each (always one party, one or both
// ordinary teams), ~8% holding a task slot of the election (invited or accepted, so "has a task" filters find
// real rows), ~5% exempt from Digital Post, a few protected addresses, movers and diets. Deterministic (seeded).
//
// The personal numbers: engine/simulators/synthetic-personal-numbers.ts gives 84,000 distinct CPR numbers, all
// born 1950–1999; this bench needs 100,000 born 18–80 years ago with a CPR number that says the same birth date
// as the birth_date column. So they are made here the same way (DDMMYY + the century digit + a serial, the
// modulus-11 check not required since 2007) from each person's birth date, and each is checked by parseCpr.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { parseCpr, type ParsedPersonalNumber } from '../forms/formats/personal-number';
import { actorColumns, type CommandContext } from '../engine/audit/record';
import type { Database } from '../engine/db/database';
import { PersonalNumbers, type ProtectedPersonalNumber } from '../engine/identity/personal-numbers';
import type { Keyring } from '../engine/crypto/keyring';
import { execute, select } from '../engine/modules/election/db';
import { electionDemoData } from '../engine/modules/election/demo';
import { dietKey, sealDiets } from '../engine/modules/election/participants/sealed-diets';
import { residentMunicipalityCode } from '../engine/registry/municipality';

export const BATCH = 1000;

export const GIVEN_NAMES = [
  'Anne', 'Mette', 'Kirsten', 'Hanne', 'Helle', 'Susanne', 'Lene', 'Marianne', 'Camilla', 'Pia', 'Louise', 'Charlotte', 'Gitte', 'Bente',
  'Karen', 'Ida', 'Freja', 'Sofie', 'Emma', 'Astrid', 'Åse', 'Aase', 'Ærtebjørg', 'Ølga', 'Birgitte', 'Lærke', 'Søs', 'Maja',
  'Peter', 'Jens', 'Lars', 'Michael', 'Henrik', 'Søren', 'Thomas', 'Niels', 'Rasmus', 'Mads', 'Anders', 'Christian', 'Jørgen', 'Bjørn',
  'Kristen', 'Frederik', 'Mikkel', 'Oskar', 'Åge', 'Aage', 'Øjvind', 'Østen', 'Ærling', 'Børge', 'Kåre', 'Zacharias',
];

export const FAMILY_NAMES = [
  'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen',
  'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Knudsen', 'Jakobsen',
  'Østergaard', 'Ørsted', 'Ørum', 'Æbelø', 'Ærbo', 'Ågård', 'Åkjær', 'Aagaard', 'Aabye', 'Bækgaard', 'Sølvsten', 'Brøndum', 'Søgaard',
  'Kjær', 'Lund', 'Holm', 'Friis', 'Skjern', 'Vestergaard', 'Dahl', 'Bach', 'Juhl', 'Zacho', 'Zeuthen',
];

const STREETS = ['Algade', 'Østergade', 'Vestergade', 'Nørregade', 'Søndergade', 'Ågade', 'Ærøvej', 'Møllevej', 'Kirkestræde', 'Bøgevej', 'Strandvejen', 'Skolevej', 'Åbakken', 'Tværgade'];
const CITIES: [string, string][] = [
  ['4000', 'Korsbæk'],
  ['4000', 'Korsbæk'],
  ['4000', 'Korsbæk'],
  ['4050', 'Skibby'],
  ['4070', 'Kirke Hyllinge'],
  ['4100', 'Ringsted'],
];

/** mulberry32: a small seeded generator, so every run makes the same people. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The i-th person's birth date and CPR number: the days from 80 years ago to 18 years ago are visited in a
 * scattered order (a stride coprime with their count), the k-th visit of a day gets serial k, so no two people
 * share a number (for i below the days × 1000).
 */
export function birthAndCpr(today: Date = new Date()): (i: number) => ParsedPersonalNumber {
  const y = today.getUTCFullYear();
  const first = Date.UTC(y - 80, today.getUTCMonth(), today.getUTCDate()) + DAY_MS; // the day after: still 79 (not yet 80) then
  const last = Date.UTC(y - 18, today.getUTCMonth(), today.getUTCDate()); // 18 today
  const days = Math.round((last - first) / DAY_MS) + 1;
  let stride = 7919;
  while (gcd(stride, days) !== 1) stride += 2;
  return (i) => {
    const dayIndex = (i * stride) % days;
    const k = Math.floor(i / days);
    if (k >= 1000) throw new Error('too many synthetic people for the birth-date range');
    const birth = isoDay(first + dayIndex * DAY_MS);
    const [yyyy, mm, dd] = birth.split('-') as [string, string, string];
    const century = Number(yyyy) >= 2000 ? '4' : '1'; // 4: 2000–2036 for YY ≤ 36, else 1900s; 1: 1900s
    const serial = `${century}${String((k * 211 + dayIndex) % 1000).padStart(3, '0')}`;
    const pn = parseCpr(`${dd}${mm}${yyyy.slice(2)}${serial}`);
    if (!pn || pn.birthDate !== birth) throw new Error(`no valid CPR number for the synthetic person ${i}`);
    return pn;
  };
}

export interface StaffingSetup {
  electionId: string;
  electionDay: string;
  /** Teams that are political parties, and the ordinary ones. */
  parties: { id: string; name: string }[];
  ordinary: { id: string; name: string }[];
  workLocationIds: string[];
  taskTypeIds: string[];
  dietIds: string[];
}

/** The tenant's election staffing, made by the module's commands (its demo content, without people). */
export async function setUpStaffing(deps: { db: Database; keyring: Keyring }, tenantId: string): Promise<StaffingSetup> {
  await electionDemoData({ db: deps.db, keyring: deps.keyring }, tenantId, 'DK'); // no registry: no people, every slot vacant
  return deps.db.withTenant(tenantId, async (tx) => {
    const [election] = await select<{ id: string; election_day: string }>(deps.db, tx, 'SELECT id, election_day::text AS election_day FROM elections ORDER BY created_at LIMIT 1');
    if (!election) throw new Error('the demo content made no election');
    const teams = await select<{ id: string; name: string; political_party: boolean }>(deps.db, tx, 'SELECT id, name, political_party FROM teams ORDER BY name');
    const ids = async (sql: string) => (await select<{ id: string }>(deps.db, tx, sql)).map((r) => r.id);
    return {
      electionId: election.id,
      electionDay: election.election_day,
      parties: teams.filter((t) => t.political_party).map(({ id, name }) => ({ id, name })),
      ordinary: teams.filter((t) => !t.political_party).map(({ id, name }) => ({ id, name })),
      workLocationIds: await ids('SELECT id FROM work_locations ORDER BY name'),
      taskTypeIds: await ids('SELECT id FROM task_types ORDER BY title'),
      dietIds: await ids('SELECT id FROM special_diets ORDER BY name'),
    };
  });
}

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z]/g, '');

interface Person {
  id: string;
  pn: ParsedPersonalNumber;
  given: string;
  family: string;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  protectedAddress: boolean;
  municipalityCode: string;
  citizenship: string;
  disenfranchised: boolean;
  phone: string | null;
  email: string | null;
  dietIds: string[];
  teamIds: string[];
  exempt: boolean;
  /** A held slot: [work location, task type, state]. */
  slot?: [string, string, 'invited' | 'accepted'];
}

/** The i-th synthetic participant (deterministic: its own seeded generator). */
function personOf(i: number, cprOf: (i: number) => ParsedPersonalNumber, setup: StaffingSetup): Person {
  const r = seeded(0x5eed + i * 2654435761);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const given = pick(GIVEN_NAMES);
  const family = pick(FAMILY_NAMES);
  const protectedAddress = r() < 0.01;
  const [postalCode, city] = pick(CITIES);
  const ordinary = r() < 0.5 ? setup.ordinary : [pick(setup.ordinary)]; // 1 or 2 ordinary teams, with one party: 2–3 teams
  const teamIds = [pick(setup.parties).id, ...ordinary.map((t) => t.id)];
  return {
    id: randomUUID(),
    pn: cprOf(i),
    given,
    family,
    address: protectedAddress ? null : `${pick(STREETS)} ${1 + Math.floor(r() * 120)}`,
    postalCode: protectedAddress ? null : postalCode,
    city: protectedAddress ? null : city,
    protectedAddress,
    municipalityCode: r() < 0.02 ? '101' : residentMunicipalityCode('DK'),
    citizenship: r() < 0.03 ? pick(['SE', 'DE', 'PL', 'NO']) : 'DK',
    disenfranchised: r() < 0.003,
    phone: r() < 0.7 ? `+45 ${20 + Math.floor(r() * 80)} ${String(Math.floor(r() * 1e6)).padStart(6, '0').replace(/(\d\d)(\d\d)(\d\d)/, '$1 $2 $3')}` : null,
    email: r() < 0.9 ? `${ascii(given)}.${ascii(family)}${i}@example.dk` : null,
    dietIds: r() < 0.08 ? [pick(setup.dietIds)] : [],
    teamIds,
    exempt: r() < 0.05,
    ...(r() < 0.08 ? { slot: [pick(setup.workLocationIds), pick(setup.taskTypeIds), r() < 0.6 ? 'accepted' : 'invited'] as [string, string, 'invited' | 'accepted'] } : {}),
  };
}

async function insertBatch(db: Database, keyring: Keyring, tx: Transaction, ctx: CommandContext, setup: StaffingSetup, people: Person[]): Promise<void> {
  const { tenantId } = ctx;
  const numbers = new PersonalNumbers(keyring);
  const dkey = await dietKey(keyring, tx, tenantId);
  const sealed: ProtectedPersonalNumber[] = [];
  for (const p of people) sealed.push(await numbers.protect(tx, tenantId, p.pn));
  const col = <T>(f: (p: Person, k: number) => T): T[] => people.map(f);
  const hex = (b: Buffer | null) => (b ? b.toString('hex') : null);
  const inserted = await execute(
    db,
    tx,
    `INSERT INTO participants (id, tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked,
            given_name, family_name, birth_date, address, postal_code, city, municipality_code, citizenship, protected_address, deceased,
            disenfranchised, registry_checked_at, phone, email, diets_sealed, digital_post_exempt)
     SELECT u.id, $1, 'DK', decode(u.sealed, 'hex'), u.hash, u.masked, u.given, u.family, u.birth, u.address, u.postal_code, u.city, u.municipality,
            u.citizenship, u.protected, false, u.disenfranchised, now(), u.phone, u.email, decode(u.diets, 'hex'), u.exempt
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::text[], $10::text[], $11::text[], $12::text[],
                   $13::text[], $14::boolean[], $15::boolean[], $16::text[], $17::text[], $18::text[], $19::boolean[])
            AS u(id, sealed, hash, masked, given, family, birth, address, postal_code, city, municipality, citizenship, protected, disenfranchised, phone, email, diets, exempt)`,
    [
      tenantId,
      col((p) => p.id),
      col((_, k) => sealed[k]!.ciphertext.toString('hex')),
      col((_, k) => sealed[k]!.lookupHash),
      col((_, k) => sealed[k]!.masked),
      col((p) => p.given),
      col((p) => p.family),
      col((p) => p.pn.birthDate),
      col((p) => p.address),
      col((p) => p.postalCode),
      col((p) => p.city),
      col((p) => p.municipalityCode),
      col((p) => p.citizenship),
      col((p) => p.protectedAddress),
      col((p) => p.disenfranchised),
      col((p) => p.phone),
      col((p) => p.email),
      col((p) => hex(sealDiets(dkey, tenantId, p.id, { dietIds: p.dietIds, note: null }))),
      col((p) => p.exempt),
    ],
  );
  if (inserted !== people.length) throw new Error(`inserted ${inserted} of ${people.length} participants`);
  const members = people.flatMap((p) => p.teamIds.map((t) => [t, p.id] as const));
  await execute(db, tx, 'INSERT INTO team_members (tenant_id, team_id, participant_id) SELECT $1, t, p FROM unnest($2::uuid[], $3::uuid[]) AS u(t, p)', [tenantId, members.map((m) => m[0]), members.map((m) => m[1])]);
  const holders = people.filter((p) => p.slot);
  if (holders.length) {
    // The slot's team: the holder's first ordinary team (a party's slot would say the same as the membership).
    const ordinaryOf = (p: Person) => p.teamIds.find((t) => setup.ordinary.some((o) => o.id === t))!;
    await execute(
      db,
      tx,
      `INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state)
       SELECT $1, $2, w, tt, team, $3::date, p, s FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[]) AS u(w, tt, team, p, s)`,
      [tenantId, setup.electionId, setup.electionDay, holders.map((p) => p.slot![0]), holders.map((p) => p.slot![1]), holders.map(ordinaryOf), holders.map((p) => p.id), holders.map((p) => p.slot![2])],
    );
  }
  // One audit row per person, as the create command writes (the entered fields' names, never their values).
  const actor = actorColumns(ctx.actor);
  await db.models.AuditEntry.bulkCreate(
    people.map((p) => ({
      tenantId,
      ...actor,
      action: 'election.participantCreated',
      entityType: 'electionParticipant',
      entityId: p.id,
      summary: { fields: Object.entries({ phone: p.phone, email: p.email, diets: p.dietIds.length, teams: p.teamIds.length, digitalPostExempt: p.exempt }).filter(([, v]) => Boolean(v)).map(([k]) => k), protectedAddress: p.protectedAddress },
      requestId: ctx.requestId ?? null,
    })),
    { transaction: tx, returning: false, fields: ['tenantId', 'actorType', 'actorId', 'action', 'entityType', 'entityId', 'summary', 'requestId'] },
  );
}

/** N synthetic participants in batches of BATCH, each batch one withTenant transaction; `progress` after each. */
export async function seedParticipants(deps: { db: Database; keyring: Keyring }, ctx: CommandContext, setup: StaffingSetup, n: number, progress?: (made: number) => void): Promise<void> {
  const cprOf = birthAndCpr();
  for (let start = 0; start < n; start += BATCH) {
    const people: Person[] = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) people.push(personOf(i, cprOf, setup));
    await deps.db.withTenant(ctx.tenantId, (tx) => insertBatch(deps.db, deps.keyring, tx, ctx, setup, people));
    progress?.(start + people.length);
  }
}
