// The flow outbox: what Temporal must be told (start this instance's workflow, signal it an event, a changed
// subject, a migration), written in the same transaction as the change that calls for it and delivered by the
// dispatcher (engine/flows/outbox/) once it is committed. Rows hold ids, event names and status keys only.
// An insert wakes the dispatchers (NOTIFY flow_outbox, sent at commit). The dispatcher reads across tenants
// through two SECURITY DEFINER functions only: claim_flow_outbox() hands out due rows (FOR UPDATE SKIP
// LOCKED, leased by moving next_attempt_at), purge_flow_outbox() deletes rows delivered days ago. Marking a
// row delivered or failed happens inside the row's tenant, under RLS.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE flow_outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL,
      instance_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('start', 'event', 'subjectChanged', 'migrate')),
      payload jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object' AND octet_length(payload::text) <= 2000),
      written_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text CHECK (length(last_error) <= 100),
      delivered_at timestamptz,
      FOREIGN KEY (tenant_id, instance_id) REFERENCES flow_instances (tenant_id, id) ON DELETE CASCADE
    );
    CREATE INDEX flow_outbox_due ON flow_outbox (next_attempt_at, created_at) WHERE delivered_at IS NULL;
    CREATE INDEX flow_outbox_delivered ON flow_outbox (delivered_at) WHERE delivered_at IS NOT NULL;
    ALTER TABLE flow_outbox ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON flow_outbox USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (next_attempt_at, last_error, delivered_at) ON flow_outbox TO ${APP_ROLE};

    CREATE FUNCTION notify_flow_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('flow_outbox', '');
      RETURN NULL;
    END $$;
    CREATE TRIGGER flow_outbox_notify AFTER INSERT ON flow_outbox FOR EACH STATEMENT EXECUTE FUNCTION notify_flow_outbox();

    -- Due rows of every tenant, at most p_limit, each leased for p_lease_seconds (attempts counted here), so a
    -- second dispatcher skips them; p_written_by, when given, keeps to the rows one process wrote (tests).
    CREATE FUNCTION claim_flow_outbox(p_limit integer, p_lease_seconds integer, p_written_by text)
      RETURNS TABLE (id uuid, tenant_id uuid, instance_id uuid, kind text, payload jsonb, attempts integer)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
      UPDATE flow_outbox o
         SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => greatest(p_lease_seconds, 1))
       WHERE o.id IN (
         SELECT c.id FROM flow_outbox c
          WHERE c.delivered_at IS NULL AND c.next_attempt_at <= now() AND (p_written_by IS NULL OR c.written_by = p_written_by)
          ORDER BY c.next_attempt_at, c.created_at
          LIMIT least(greatest(p_limit, 1), 500)
          FOR UPDATE SKIP LOCKED)
      RETURNING o.id, o.tenant_id, o.instance_id, o.kind, o.payload, o.attempts
    $$;
    REVOKE ALL ON FUNCTION claim_flow_outbox(integer, integer, text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION claim_flow_outbox(integer, integer, text) TO ${APP_ROLE};

    -- Rows delivered more than p_keep_days (at least 1) ago, of every tenant.
    CREATE FUNCTION purge_flow_outbox(p_keep_days integer) RETURNS bigint
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
      WITH gone AS (DELETE FROM flow_outbox WHERE delivered_at < now() - make_interval(days => greatest(p_keep_days, 1)) RETURNING 1)
      SELECT count(*) FROM gone
    $$;
    REVOKE ALL ON FUNCTION purge_flow_outbox(integer) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION purge_flow_outbox(integer) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP FUNCTION purge_flow_outbox(integer);
    DROP FUNCTION claim_flow_outbox(integer, integer, text);
    DROP TABLE flow_outbox;
    DROP FUNCTION notify_flow_outbox();`);
};
