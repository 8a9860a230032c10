// Every message the platform sends, with its status: written as queued before the channel is called and updated after, so a retried activity never sends twice. The recipient is named by role and subject, not by address.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE communication_log (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL,
      instance_id uuid,
      template_key text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email', 'digitalPost', 'sms')),
      recipient text NOT NULL,
      locale text NOT NULL,
      status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'noAddress')),
      error text,
      message_id text,
      idempotency_key text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      UNIQUE (tenant_id, idempotency_key)
    );
    CREATE INDEX communication_log_recent ON communication_log (tenant_id, created_at DESC);
    ALTER TABLE communication_log ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON communication_log USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (status, error, message_id, sent_at) ON communication_log TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE communication_log');
};
