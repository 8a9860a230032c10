// The create form's preview: what the civil registry says about a personal number, before anything is created
// (audited by the registry adapter, purpose participant.lookup), with a protected address left out and the id
// of the participant the person already is, if any. A registry that cannot be reached: 503, nothing written.
import type { CommandContext } from '../../../../audit/record';
import { RegistryUnavailableError } from '../../../../errors';
import { PersonalNumbers } from '../../../../identity/personal-numbers';
import type { RegistryPerson } from '../../../../registry/types';
import { maskPersonalNumber } from '../../../../../forms/formats/personal-number';
import type { ElectionDeps } from '../../db';
import { electionInvalid } from '../../errors';
import { maskRegistryAddress } from '../../participants/masking';
import { tenantFacts } from '../../db';
import { authorize } from '../../policies';
import { LOOKUP_PURPOSE, parseOrRefuse, participantByHash } from './create-participant';

export interface PersonPreview {
  personalNumberMasked: string;
  person: Omit<RegistryPerson, 'personalNumber' | 'address' | 'postalCode' | 'city'> & Partial<Pick<RegistryPerson, 'address' | 'postalCode' | 'city'>>;
  participantId: string | null;
}

export async function lookupPerson(deps: ElectionDeps, ctx: CommandContext, personalNumber: string): Promise<PersonPreview> {
  authorize(ctx.actor, 'election.participants.manage', { tenantId: ctx.tenantId });
  const { db, keyring, registry } = deps;
  if (!registry) throw new RegistryUnavailableError('No civil registry is configured.');
  const numbers = new PersonalNumbers(keyring);
  const found = await db.withTenant(ctx.tenantId, async (tx) => {
    const { country } = await tenantFacts(db, tx, ctx.tenantId);
    const pn = parseOrRefuse(country, personalNumber);
    const participantId = (await participantByHash(db, tx, await numbers.lookupHash(tx, ctx.tenantId, pn))) ?? null;
    const person = await registry.lookup(tx, ctx, pn.canonical, { purpose: LOOKUP_PURPOSE });
    return { pn, person, participantId };
  });
  if (!found.person) throw electionInvalid('/personalNumber', 'election.personUnknown', 'the civil registry knows no such person');
  const { personalNumber: _whole, ...rest } = found.person;
  return { personalNumberMasked: maskPersonalNumber(found.pn), person: maskRegistryAddress(rest), participantId: found.participantId };
}
