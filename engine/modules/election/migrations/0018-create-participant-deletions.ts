// Bulk deletions of participants: an administrator's request (who, when, how many) and its items, one per
// participant, marked when that participant is gone. The request is the deletion's durable record: its workflow
// (workflows/election/bulk-deletion/) works through the items, and a deletion still 'running' whose workflow
// is not is started again (engine/modules/election/bulk-deletion-workflow.ts). Ids and counts only: the items
// keep a deleted participant's id for the audit trail, never anything about the person.
// The resumer reads across tenants through one SECURITY DEFINER function that answers ids only.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE participant_deletions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      requested_by text NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 100),
      requested_at timestamptz NOT NULL DEFAULT now(),
      total integer NOT NULL CHECK (total BETWEEN 1 AND 100000),
      deleted integer NOT NULL DEFAULT 0 CHECK (deleted BETWEEN 0 AND total),
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
      finished_at timestamptz,
      UNIQUE (tenant_id, id),
      CHECK ((status = 'running') = (finished_at IS NULL))
    );
    CREATE INDEX participant_deletions_running ON participant_deletions (requested_at) WHERE status = 'running';
    ALTER TABLE participant_deletions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON participant_deletions USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE ON participant_deletions TO ${APP_ROLE};

    CREATE TABLE participant_deletion_items (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      deletion_id uuid NOT NULL,
      participant_id uuid NOT NULL,
      deleted_at timestamptz,
      PRIMARY KEY (tenant_id, deletion_id, participant_id),
      FOREIGN KEY (tenant_id, deletion_id) REFERENCES participant_deletions (tenant_id, id) ON DELETE CASCADE
    );
    CREATE INDEX participant_deletion_items_pending ON participant_deletion_items (tenant_id, deletion_id, participant_id) WHERE deleted_at IS NULL;
    ALTER TABLE participant_deletion_items ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON participant_deletion_items USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE ON participant_deletion_items TO ${APP_ROLE};

    -- Deletions still running and requested at least p_min_age_seconds ago (their workflow was started right
    -- after the request; these are the ones whose start may have been lost), of every tenant or of p_tenant_ids
    -- (test platforms). Ids only.
    CREATE FUNCTION running_participant_deletions(p_min_age_seconds integer, p_tenant_ids uuid[], p_limit integer)
      RETURNS TABLE (tenant_id uuid, id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
      SELECT d.tenant_id, d.id FROM participant_deletions d
       WHERE d.status = 'running' AND d.requested_at <= now() - make_interval(secs => greatest(p_min_age_seconds, 0))
         AND (p_tenant_ids IS NULL OR d.tenant_id = ANY(p_tenant_ids))
       ORDER BY d.requested_at
       LIMIT least(greatest(p_limit, 1), 1000)
    $$;
    REVOKE ALL ON FUNCTION running_participant_deletions(integer, uuid[], integer) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION running_participant_deletions(integer, uuid[], integer) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP FUNCTION running_participant_deletions(integer, uuid[], integer);
    DROP TABLE participant_deletion_items;
    DROP TABLE participant_deletions;`);
};
