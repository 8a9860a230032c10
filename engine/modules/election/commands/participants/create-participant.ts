// Creating a participant by civil-registry lookup: the administrator enters the personal number and what the
// registry cannot know (phone, e-mail, diets, teams, the signup template's extra fields, the Digital Post
// exemption); name, address, birth date, municipality, citizenship and the protected-address, deceased and
// disenfranchised flags come from the registry. The lookup is made (and audited by the registry adapter) in a
// transaction of its own that commits: a lookup made stays audited whatever comes of it. A registry that cannot
// be reached throws there and nothing at all is written. A deceased person is refused; a protected address is
// not stored (the adapter never hands it over). The personal number is stored sealed with its keyed hash; the
// diets sealed too (participants/sealed-diets.ts).
import type { Transaction } from 'sequelize';
import type { ElectionParticipantCreate } from '../../../../../schemas/types/election-participant-create';
import { parsePersonalNumber, type ParsedPersonalNumber } from '../../../../../forms/formats/personal-number';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import type { Database } from '../../../../db/database';
import { RegistryUnavailableError } from '../../../../errors';
import { PersonalNumbers } from '../../../../identity/personal-numbers';
import type { RegistryPerson } from '../../../../registry/types';
import { execute, select, type ElectionDeps } from '../../db';
import { electionConflict, electionInvalid } from '../../errors';
import { authorize } from '../../policies';
import { insertParticipant } from '../../participants/insert';
import { checkDiets, checkTeams, distinct } from '../../participants/rows';
import { tenantFacts } from '../../db';
import { checkSignupFields } from '../../participants/signup-fields';

/** Why the registry is asked, as its audit row says. */
export const CREATE_PURPOSE = 'participant.create';
export const LOOKUP_PURPOSE = 'participant.lookup';

/** The request's body as its schema (schemas/election/participant-create.schema.json) describes it. */
export type CreateParticipantInput = ElectionParticipantCreate;

/** The number as a valid personal number of the tenant's country, else 400 on /personalNumber. */
export function parseOrRefuse(country: 'DK' | 'SE', text: unknown): ParsedPersonalNumber {
  const pn = typeof text === 'string' ? parsePersonalNumber(country, text) : undefined;
  if (!pn) throw electionInvalid('/personalNumber', 'election.personalNumberInvalid', `is not a valid ${country === 'DK' ? 'CPR number' : 'personnummer'}`);
  return pn;
}

/** The id of the participant with this keyed hash, if the tenant has one. */
export async function participantByHash(db: Database, tx: Transaction, hash: string): Promise<string | undefined> {
  const [row] = await select<{ id: string }>(db, tx, 'SELECT id FROM participants WHERE personal_number_hash = $1', [hash]);
  return row?.id;
}

export const alreadyParticipant = (participantId: string) => electionConflict('election.participantExists', 'this person is already a participant', { participantId }, '/personalNumber');

/** The registry's answer turned into a refusal when it cannot become a participant. */
export function refuseUnfit(person: RegistryPerson | undefined): RegistryPerson {
  if (!person) throw electionInvalid('/personalNumber', 'election.personUnknown', 'the civil registry knows no such person');
  if (person.deceased) throw electionConflict('election.personDeceased', 'the civil registry says this person has died', {}, '/personalNumber');
  return person;
}

export async function createParticipant(deps: ElectionDeps, ctx: CommandContext, input: CreateParticipantInput): Promise<{ id: string }> {
  authorize(ctx.actor, 'election.participants.manage', { tenantId: ctx.tenantId });
  const { db, keyring, registry } = deps;
  if (!registry) throw new RegistryUnavailableError('No civil registry is configured.');
  const numbers = new PersonalNumbers(keyring);
  const teamIds = distinct(input.teamIds);
  const dietIds = distinct(input.dietIds);

  // 1. Everything that can be checked here first, then the lookup; its audit row commits with this transaction.
  const checked = await db.withTenant(ctx.tenantId, async (tx) => {
    const { country } = await tenantFacts(db, tx, ctx.tenantId);
    const pn = parseOrRefuse(country, input.personalNumber);
    const existing = await participantByHash(db, tx, await numbers.lookupHash(tx, ctx.tenantId, pn));
    if (existing) throw alreadyParticipant(existing);
    await checkTeams(db, tx, teamIds);
    await checkDiets(db, tx, dietIds);
    const signupFields = await checkSignupFields(db, tx, input.signupFields);
    const person = await registry.lookup(tx, ctx, pn.canonical, { purpose: CREATE_PURPOSE });
    return { pn, person, signupFields };
  });
  const person = refuseUnfit(checked.person);

  // 2. The participant, its teams and its audit row, all or nothing.
  return db.withTenant(ctx.tenantId, async (tx) => {
    const id = await insertParticipant(db, keyring, tx, ctx.tenantId, {
      pn: checked.pn,
      person,
      phone: input.phone,
      email: input.email,
      dietIds,
      dietNote: input.dietNote,
      signupFields: checked.signupFields,
      digitalPostExempt: input.digitalPostExempt,
    });
    // Someone created the same person meanwhile.
    if (!id) throw alreadyParticipant((await participantByHash(db, tx, await numbers.lookupHash(tx, ctx.tenantId, checked.pn))) ?? '');
    if (teamIds.length) await execute(db, tx, 'INSERT INTO team_members (tenant_id, team_id, participant_id) SELECT $1, unnest($2::uuid[]), $3', [ctx.tenantId, teamIds, id]);
    // Which fields were entered, never their values (no team or diet ids: a party's id would say the person's opinion).
    const fields = Object.entries({ phone: input.phone, email: input.email, diets: dietIds.length || input.dietNote, teams: teamIds.length, signupFields: Object.keys(checked.signupFields).length, digitalPostExempt: input.digitalPostExempt })
      .filter(([, v]) => Boolean(v))
      .map(([k]) => k);
    await recordAudit(db, tx, ctx, { action: 'election.participantCreated', entityType: 'electionParticipant', entityId: id, summary: { fields, protectedAddress: person.protectedAddress } });
    return { id };
  });
}
