// The idempotency keys (instance, rule, occurrence, action) of the flow actions already carried out: an activity retried after a crash finds its key and does nothing twice.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE flow_effects (
      tenant_id uuid NOT NULL,
      idempotency_key text NOT NULL,
      action text NOT NULL,
      done_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, idempotency_key)
    );
    ALTER TABLE flow_effects ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON flow_effects USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT ON flow_effects TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE flow_effects');
};
