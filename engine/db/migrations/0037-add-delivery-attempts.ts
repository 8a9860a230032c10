// Delivery with fallback: a message (one communication_log row, one idempotency key) is tried on the channels of
// its order one after another; each try is a communication_attempts row with the provider's message id, so a
// delivery receipt (Digital Post, SMS) finds it and moves it (and the log) from sent to delivered or failed. The
// log gains `refs` (ids only, for filters such as participantId) and the status `delivered`. An attempt keeps a
// sealed copy of the rendered message and the remaining addresses only while a failed receipt may still need the
// next channel; it is cleared when the message is final. Receipts arrive without a tenant: receipt_attempt()
// finds the attempt's tenant by the provider's id (SECURITY DEFINER, answers nothing but the tenant and the ids).
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE communication_log ADD COLUMN refs jsonb NOT NULL DEFAULT '{}'::jsonb;
    ALTER TABLE communication_log ADD COLUMN channels text[] NOT NULL DEFAULT '{}';
    ALTER TABLE communication_log ADD COLUMN delivered_at timestamptz;
    ALTER TABLE communication_log DROP CONSTRAINT communication_log_status_check;
    ALTER TABLE communication_log ADD CONSTRAINT communication_log_status_check CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'noAddress'));
    ALTER TABLE communication_log ALTER COLUMN channel DROP NOT NULL;
    CREATE INDEX communication_log_refs ON communication_log USING gin (refs jsonb_path_ops);
    GRANT UPDATE (channel, delivered_at), DELETE ON communication_log TO ${APP_ROLE};

    CREATE TABLE communication_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL,
      log_id uuid NOT NULL REFERENCES communication_log (id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 0 AND position < 3),
      channel text NOT NULL CHECK (channel IN ('email', 'digitalPost', 'sms')),
      status text NOT NULL CHECK (status IN ('sending', 'sent', 'delivered', 'failed', 'refused', 'noAddress')),
      error_code text CHECK (length(error_code) <= 100),
      provider_message_id text CHECK (length(provider_message_id) <= 200),
      sealed_message bytea,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      receipt_at timestamptz,
      UNIQUE (log_id, position)
    );
    CREATE UNIQUE INDEX communication_attempts_provider ON communication_attempts (channel, provider_message_id) WHERE provider_message_id IS NOT NULL;
    CREATE INDEX communication_attempts_tenant ON communication_attempts (tenant_id, log_id);
    ALTER TABLE communication_attempts ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON communication_attempts USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (status, error_code, provider_message_id, sealed_message, sent_at, receipt_at), DELETE ON communication_attempts TO ${APP_ROLE};

    CREATE FUNCTION receipt_attempt(p_channel text, p_provider_message_id text)
      RETURNS TABLE (tenant_id uuid, attempt_id uuid, log_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
      SELECT a.tenant_id, a.id, a.log_id FROM communication_attempts a WHERE a.channel = p_channel AND a.provider_message_id = p_provider_message_id
    $$;
    REVOKE ALL ON FUNCTION receipt_attempt(text, text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION receipt_attempt(text, text) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP FUNCTION receipt_attempt(text, text);
    DROP TABLE communication_attempts;
    DELETE FROM communication_log WHERE channel IS NULL;
    UPDATE communication_log SET status = 'sent' WHERE status = 'delivered';
    REVOKE UPDATE (channel, delivered_at), DELETE ON communication_log FROM ${APP_ROLE};
    DROP INDEX communication_log_refs;
    ALTER TABLE communication_log ALTER COLUMN channel SET NOT NULL;
    ALTER TABLE communication_log DROP CONSTRAINT communication_log_status_check;
    ALTER TABLE communication_log ADD CONSTRAINT communication_log_status_check CHECK (status IN ('queued', 'sent', 'failed', 'noAddress'));
    ALTER TABLE communication_log DROP COLUMN delivered_at, DROP COLUMN channels, DROP COLUMN refs;`);
};
