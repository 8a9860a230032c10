// The audit log. The application may read and append, never edit or delete: it has no UPDATE or DELETE
// privilege, and purging goes through purge_audit_log() (migration 0006), which keeps the chain verifiable.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      seq bigint NOT NULL,
      actor_type text NOT NULL CHECK (actor_type IN ('user', 'system', 'anonymous')),
      actor_id text NOT NULL CHECK (length(actor_id) <= 200),
      action text NOT NULL CHECK (action ~ '^[a-zA-Z]+(\\.[a-zA-Z]+)+$'),
      entity_type text NOT NULL CHECK (length(entity_type) <= 100),
      entity_id text CHECK (length(entity_id) <= 200),
      summary jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (length(summary::text) <= 4000),
      request_id text,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      prev_hash text NOT NULL,
      hash text NOT NULL,
      UNIQUE (tenant_id, seq)
    );
    CREATE INDEX audit_log_tenant_time ON audit_log (tenant_id, created_at);
    ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON audit_log
      USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT ON audit_log TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE audit_log');
};
