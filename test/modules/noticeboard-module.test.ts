// Adding a module needs its own folder and a place in the list, nothing else: a small module defined here —
// one table (its migration), one flow action, one subject type, one route — is migrated and installed, a flow
// about its subject publishes and runs on Temporal, its action changes its own table (audited like any action),
// and its route answers on the tenant's hosts and appears in the API document. (Its page entry: ui-modules.test.ts.)
import { QueryTypes } from 'sequelize';
import { createMigrator } from '../../engine/db/migrator';
import { APP_ROLE } from '../../engine/db/roles';
import type { MigrationFn } from '../../engine/db/migrator';
import { MODULES } from '../../engine/modules';
import type { Module } from '../../engine/modules/module';
import { installModule } from '../../engine/flows/registry';
import { once } from '../../engine/flows/instance-store';
import { createInstanceRow } from '../../engine/flows/instance-store';
import { flowGateway } from '../../engine/flows/gateway';
import { workflowIds } from '../../engine/temporal/ids';
import { createFlow, publishFlow } from '../../engine/commands/flows';
import { recordAudit } from '../../engine/audit/record';
import { flowInstance, flowMessages } from '../../workflows';
import { createTestTenant, ownerDb, suiteDatabase } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, testAdministrator } from '../helpers/sessions';
import { request } from '../helpers/http';
import { defineRoute } from '../../engine/http/route';

const createNotes: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE IF NOT EXISTS noticeboard_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      text text NOT NULL,
      pinned boolean NOT NULL DEFAULT false
    );
    ALTER TABLE noticeboard_notes ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS tenant_isolation ON noticeboard_notes;
    CREATE POLICY tenant_isolation ON noticeboard_notes USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (pinned) ON noticeboard_notes TO ${APP_ROLE};`);
};

/** The whole module: what its folder's module.ts would declare. */
const noticeboard: Module = {
  name: 'noticeboard',
  migrations: [{ name: '0001-create-notes', module: { up: createNotes, down: async ({ context: { sequelize } }) => void (await sequelize.query('DROP TABLE noticeboard_notes')) } }],
  subjectTypes: {
    note: {
      personalData: false,
      async load({ db }, tx, _ctx, id) {
        const [note] = await db.sequelize.query<{ pinned: boolean }>('SELECT pinned FROM noticeboard_notes WHERE id = $1', { bind: [id], type: QueryTypes.SELECT, transaction: tx });
        return { dates: {}, facts: { pinned: note?.pinned ?? false }, mergeFields: {} };
      },
      deletePersonalData: async () => ({ erased: false }),
    },
  },
  routes: ({ db }) => [
    defineRoute({
      method: 'GET',
      path: '/noticeboard/notes',
      summary: 'The notes on the board',
      tags: ['Noticeboard'],
      // A module keeps its schemas in schemas/<name>/; this one, living in a test, answers JSON it describes in words.
      responses: { 200: { raw: 'application/json', description: 'The notes: id and whether pinned' } },
      handler: async ({ tenantId }) => {
        const notes = await db.withTenant(tenantId, (tx) => db.sequelize.query<{ id: string; pinned: boolean }>('SELECT id, pinned FROM noticeboard_notes', { type: QueryTypes.SELECT, transaction: tx }));
        return JSON.stringify({ notes });
      },
    }),
  ],
  actions: {
    pinNote: {
      configSchema: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 100 } } },
      run: ({ db }, input) =>
        once(db, input, async (tx, ctx) => {
          const [instance] = await db.sequelize.query<{ subject_id: string }>('SELECT subject_id FROM flow_instances WHERE id = $1', { bind: [input.instanceId], type: QueryTypes.SELECT, transaction: tx });
          await db.sequelize.query('UPDATE noticeboard_notes SET pinned = true WHERE id = $1', { bind: [instance!.subject_id], transaction: tx });
          await recordAudit(db, tx, ctx, { action: 'noticeboard.notePinned', entityType: 'note', entityId: instance!.subject_id, summary: { rule: input.rule } });
          return { done: true };
        }),
    },
  },
};

const db = suiteDatabase();

beforeAll(async () => {
  await createMigrator(ownerDb(), undefined, [...MODULES, noticeboard]).up();
  installModule(noticeboard);
});

it('migrates, installs, publishes and runs a module that touches nothing outside itself', async () => {
  const migrated = await ownerDb().query<{ name: string }>("SELECT name FROM schema_migrations WHERE name LIKE 'noticeboard/%'", { type: QueryTypes.SELECT });
  expect(migrated.map((m) => m.name)).toEqual(['noticeboard/0001-create-notes']);

  const tenant = await createTestTenant();
  const admin = { tenantId: tenant.id, actor: testAdministrator(tenant.id) };
  const flow = {
    schemaVersion: 1,
    key: 'pin-new-notes',
    module: 'noticeboard',
    subjectType: 'note',
    name: { da: 'Fastgør opslag', sv: 'Fäst anslag', en: 'Pin notes' },
    statuses: [
      { key: 'posted', initial: true, label: { da: 'Slået op', sv: 'Uppsatt', en: 'Posted' } },
      { key: 'pinned', final: true, label: { da: 'Fastgjort', sv: 'Fäst', en: 'Pinned' } },
    ],
    rules: [{ id: 'pin', label: { da: 'Fastgør', sv: 'Fäst', en: 'Pin' }, when: { on: 'event', event: { event: 'flow.started' } }, then: [{ action: 'pinNote', config: { reason: 'new' } }, { action: 'setStatus', config: { status: 'pinned' } }] }],
  };
  const { id: flowId } = await createFlow(db, admin, flow);
  const bad = await createFlow(db, admin, { ...flow, key: 'bad-config', rules: [{ ...flow.rules[0], then: [{ action: 'pinNote', config: { reason: 'x'.repeat(200) } }, flow.rules[0]!.then[1]] }] });
  await expect(publishFlow(db, admin, bad.id)).rejects.toMatchObject({ fields: [expect.objectContaining({ field: '/rules/0/then/0/config/reason' })] });
  expect(await publishFlow(db, admin, flowId)).toMatchObject({ version: 1 });

  const platform = await startTestPlatform([], {}, { modules: [...MODULES, noticeboard] });
  try {
    const [note] = await db.withTenant(tenant.id, (tx) => db.sequelize.query<{ id: string }>('INSERT INTO noticeboard_notes (tenant_id, text) VALUES ($1, $2) RETURNING id', { bind: [tenant.id, 'Loppemarked lørdag'], type: QueryTypes.SELECT, transaction: tx }));
    // What the module's command would do when a note is posted: the instance and its start, in one transaction.
    const instance = await db.withTenant(tenant.id, async (tx) => {
      const created = await createInstanceRow(db, tx, admin, { definitionId: flowId, version: 1, subjectType: 'note', subjectId: note!.id });
      await flowGateway.start(db, tx, tenant.id, { instanceId: created.id });
      return created;
    });
    const handle = platform.client.workflow.getHandle<typeof flowInstance>(workflowIds.flow(tenant.id, instance.id));
    for (let i = 0; i < 100 && !(await handle.describe().then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
    await handle.result();

    const [pinned] = await ownerDb().query<{ pinned: boolean }>('SELECT pinned FROM noticeboard_notes WHERE id = $1', { bind: [note!.id], type: QueryTypes.SELECT });
    expect(pinned!.pinned).toBe(true);
    const audit = await ownerDb().query<{ action: string }>("SELECT action FROM audit_log WHERE tenant_id = $1 AND action IN ('noticeboard.notePinned', 'flowInstance.statusChanged', 'flowInstance.ended') ORDER BY seq", { bind: [tenant.id], type: QueryTypes.SELECT });
    expect(audit.map((a) => a.action)).toEqual(['noticeboard.notePinned', 'flowInstance.statusChanged', 'flowInstance.ended']);
    const timeline = await handle.query(flowMessages.timelineQuery);
    expect(timeline.status).toBe('pinned');

    // Its route answers on the tenant's hosts and is in the API document, like the platform's own.
    const session = await startEmployeeSession(platform.identity, tenant.id, ['administrator']);
    const notes = await request(platform.port, tenant.adminHost, 'GET', '/api/noticeboard/notes', { headers: session.headers });
    expect([notes.status, notes.json()]).toEqual([200, { notes: [{ id: note!.id, pinned: true }] }]);
    const document = (await request(platform.port, tenant.adminHost, 'GET', '/api/openapi.json', { headers: session.headers })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(document.paths)).toContain('/api/noticeboard/notes');
  } finally {
    await platform.stop();
  }
});
