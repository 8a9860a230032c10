// An operator sees every open vote window of their municipality in the Temporal Web UI (through the admin
// site's proxy) by Module and FlowStatus — and only their own municipality's: each petition's flow carries
// the search attributes TenantId, Module = "petitions" and FlowStatus.
import { QueryTypes } from 'sequelize';
import { workflowIds } from '../../engine/temporal/ids';
import { confirmPetitionEmail } from '../../engine/modules/petitions/commands/confirm-petition-email';
import { proposePetition } from '../../engine/modules/petitions/commands/propose-petition';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';
import { anonymous, answers, openPetition, petitionDeps } from './helpers';

const db = suiteDatabase();
const deps = petitionDeps(db);
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await createTestTenant({ builtinForms: true });
  b = await createTestTenant({ builtinForms: true });
  platform = await startTestPlatform([]);
});

afterAll(async () => {
  await platform?.stop();
});

const flowOf = async (tenantId: string, petitionId: string) =>
  workflowIds.flow(tenantId, (await ownerDb().query<{ id: string }>("SELECT id FROM flow_instances WHERE subject_type = 'petition' AND subject_id = $1", { bind: [petitionId], type: QueryTypes.SELECT }))[0]!.id);

it('lists the municipality’s open vote windows by Module and FlowStatus, and no other municipality’s', async () => {
  const open = [await openPetition(deps, a.id, {}, { title: 'Første åbne forslag' }), await openPetition(deps, a.id, {}, { title: 'Andet åbne forslag' })];
  const waiting = await proposePetition(deps, anonymous(a.id), { answers: answers({ title: 'Venter på moderering', proposerEmail: 'v@example.dk' }) });
  await confirmPetitionEmail(deps, anonymous(a.id), waiting.confirmToken);
  const elsewhere = await openPetition(deps, b.id, {}, { title: 'Et andet sted' });
  const expected = (await Promise.all(open.map((id) => flowOf(a.id, id)))).sort();

  const operator = await startEmployeeSession(platform.identity, a.id, ['operator'], 'Ingeborg Skjern');
  const query = encodeURIComponent('Module = "petitions" AND FlowStatus = "open"');
  const list = async () =>
    (await request(platform.port, a.adminHost, 'GET', `/temporal/api/v1/namespaces/tingvalla/workflows?query=${query}`, { headers: operator.headers })).json<{ executions?: { execution: { workflowId: string } }[] }>().executions?.map((e) => e.execution.workflowId).sort() ?? [];
  // Visibility follows the workflows a moment later: wait until both windows show.
  let seen: string[] = [];
  for (let i = 0; i < 150 && JSON.stringify(seen) !== JSON.stringify(expected); i++) {
    await new Promise((r) => setTimeout(r, 200));
    seen = await list();
  }
  expect(seen).toEqual(expected);
  expect(seen).not.toContain(await flowOf(a.id, waiting.id));
  expect(seen).not.toContain(await flowOf(b.id, elsewhere));
  // The waiting one is there by its own status.
  const moderation = encodeURIComponent('Module = "petitions" AND FlowStatus = "awaitingModeration"');
  const waitingIds = async () => (await request(platform.port, a.adminHost, 'GET', `/temporal/api/v1/namespaces/tingvalla/workflows?query=${moderation}`, { headers: operator.headers })).json<{ executions?: { execution: { workflowId: string } }[] }>().executions?.map((e) => e.execution.workflowId) ?? [];
  let moderated: string[] = [];
  for (let i = 0; i < 150 && !moderated.includes(await flowOf(a.id, waiting.id)); i++) {
    await new Promise((r) => setTimeout(r, 200));
    moderated = await waitingIds();
  }
  expect(moderated).toEqual([await flowOf(a.id, waiting.id)]);
});
