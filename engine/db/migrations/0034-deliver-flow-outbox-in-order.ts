// An instance's outbox rows are delivered in the order they were written: claim_flow_outbox hands out only the
// first undelivered row of each instance. Before, a round delivered its rows side by side, so a petition
// confirmed and approved in quick succession could have its "approved" signal arrive before "confirmed" — and a
// flow that is not yet waiting for an event passes it by. `seq` orders rows that one transaction wrote
// together (created_at is the transaction's start, the same for all of them); a row that failed and waits for
// its retry holds back the later rows of its instance, never the rows of another.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

const CLAIM = (inOrder: boolean) => `
    CREATE OR REPLACE FUNCTION claim_flow_outbox(p_limit integer, p_lease_seconds integer, p_written_by text)
      RETURNS TABLE (id uuid, tenant_id uuid, instance_id uuid, kind text, payload jsonb, attempts integer)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
      UPDATE flow_outbox o
         SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => greatest(p_lease_seconds, 1))
       WHERE o.id IN (
         SELECT c.id FROM flow_outbox c
          WHERE c.delivered_at IS NULL AND c.next_attempt_at <= now() AND (p_written_by IS NULL OR c.written_by = p_written_by)${inOrder ? `
            AND NOT EXISTS (SELECT 1 FROM flow_outbox e WHERE e.instance_id = c.instance_id AND e.delivered_at IS NULL AND e.seq < c.seq)` : ''}
          ORDER BY c.next_attempt_at, ${inOrder ? 'c.seq' : 'c.created_at'}
          LIMIT least(greatest(p_limit, 1), 500)
          FOR UPDATE SKIP LOCKED)
      RETURNING o.id, o.tenant_id, o.instance_id, o.kind, o.payload, o.attempts
    $$;
    REVOKE ALL ON FUNCTION claim_flow_outbox(integer, integer, text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION claim_flow_outbox(integer, integer, text) TO ${APP_ROLE};`;

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE flow_outbox ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
    CREATE INDEX flow_outbox_pending_by_instance ON flow_outbox (instance_id, seq) WHERE delivered_at IS NULL;
    ${CLAIM(true)}`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ${CLAIM(false)}
    DROP INDEX flow_outbox_pending_by_instance;
    ALTER TABLE flow_outbox DROP COLUMN seq;`);
};
