// A sent group message's recipients, fixed when it is sent: one row per participant with the slot its merge
// fields are made from, marked when that participant's message went (or could not). The workflow takes the
// pending rows batch by batch, so a restarted workflow carries on from here; the message itself is sent with the
// idempotency key group/<groupMessageId>/<participantId>, so a batch retried after a send never sends it again.
// A participant deleted meanwhile takes the row with it. The resumer reads across tenants through one SECURITY
// DEFINER function that answers ids only.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE group_message_recipients (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      group_message_id uuid NOT NULL,
      participant_id uuid NOT NULL,
      slot_id uuid,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'delivered', 'failed', 'noAddress', 'skipped')),
      log_id uuid,
      done_at timestamptz,
      PRIMARY KEY (tenant_id, group_message_id, participant_id),
      CHECK ((status = 'pending') = (done_at IS NULL)),
      FOREIGN KEY (tenant_id, group_message_id) REFERENCES group_messages (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, slot_id) REFERENCES task_slots (tenant_id, id) ON DELETE SET NULL (slot_id)
    );
    CREATE INDEX group_message_recipients_pending ON group_message_recipients (tenant_id, group_message_id, participant_id) WHERE status = 'pending';
    CREATE INDEX group_message_recipients_participant ON group_message_recipients (tenant_id, participant_id);
    CREATE INDEX group_message_recipients_slot ON group_message_recipients (tenant_id, slot_id) WHERE slot_id IS NOT NULL;
    ALTER TABLE group_message_recipients ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON group_message_recipients USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON group_message_recipients TO ${APP_ROLE};

    -- Group messages still sending and asked to send at least p_min_age_seconds ago (their workflow was started
    -- right after the request; these are the ones whose start may have been lost), of every tenant or of
    -- p_tenant_ids (test platforms). Ids only.
    CREATE FUNCTION sending_group_messages(p_min_age_seconds integer, p_tenant_ids uuid[], p_limit integer)
      RETURNS TABLE (tenant_id uuid, id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
      SELECT g.tenant_id, g.id FROM group_messages g
       WHERE g.status = 'sending' AND g.send_requested_at <= now() - make_interval(secs => greatest(p_min_age_seconds, 0))
         AND (p_tenant_ids IS NULL OR g.tenant_id = ANY(p_tenant_ids))
       ORDER BY g.send_requested_at
       LIMIT least(greatest(p_limit, 1), 1000)
    $$;
    REVOKE ALL ON FUNCTION sending_group_messages(integer, uuid[], integer) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION sending_group_messages(integer, uuid[], integer) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP FUNCTION sending_group_messages(integer, uuid[], integer);
    DROP TABLE group_message_recipients;`);
};
