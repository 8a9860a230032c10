// Every migration can be undone and redone on a database of its own.
import { QueryTypes } from 'sequelize';
import { createSequelize } from '../../engine/db/database';
import { createMigrator } from '../../engine/db/migrator';
import { migrations } from '../../engine/db/migrations';
import { MODULES } from '../../engine/modules';
import { createDatabaseIfMissing } from '../../engine/db/prepare';
import { testServices } from '../helpers/env';

it('migrates down to nothing and up again', async () => {
  const url = new URL(testServices().ownerUrl);
  const name = `${url.pathname.slice(1)}_mig`;
  const server = new URL(url);
  server.pathname = '/postgres';
  await createDatabaseIfMissing(server.toString(), name);
  url.pathname = `/${name}`;
  const owner = createSequelize(url.toString());
  const tables = async () =>
    (await owner.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1", { type: QueryTypes.SELECT })).map((r) => r.tablename);
  try {
    const migrator = createMigrator(owner);
    await migrator.up();
    const all = await tables();
    expect(all).toEqual(['audit_chain_heads', 'audit_log', 'communication_attempts', 'communication_log', 'consent_records', 'election_areas', 'election_retention_epoch', 'election_retention_items', 'election_retention_settings', 'election_retentions', 'election_site', 'election_system_roles', 'election_types', 'election_work_locations', 'elections', 'ended_invitations', 'flow_definitions', 'flow_effects', 'flow_instances', 'flow_outbox', 'flow_tasks', 'flow_versions', 'form_definitions', 'form_submissions', 'form_versions', 'group_message_recipients', 'group_messages', 'message_templates', 'participant_comments', 'participant_deletion_items', 'participant_deletions', 'participant_messages', 'participants', 'petition_events', 'petition_keys', 'petition_rate_limits', 'petition_threshold_crossings', 'petition_vote_counts', 'petition_vote_days', 'petition_votes', 'petitions', 'registry_refreshes', 'responsibility_grants', 'saml_assertions_seen', 'saml_requests', 'saml_service_providers', 'sessions', 'special_diets', 'task_assignments', 'task_links', 'task_rejections', 'task_slots', 'task_type_files', 'task_types', 'team_members', 'teams', 'tenant_hosts', 'tenant_keys', 'tenants', 'users', 'work_location_task_types', 'work_location_teams', 'work_locations']);
    expect((await migrator.executed()).length).toBe(migrations.length + MODULES.reduce((n, m) => n + (m.migrations?.length ?? 0), 0));
    await migrator.down({ to: 0 });
    expect(await tables()).toEqual([]);
    await migrator.up();
    expect(await tables()).toEqual(all);
  } finally {
    await owner.close();
    const admin = createSequelize(server.toString());
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
  }
});
