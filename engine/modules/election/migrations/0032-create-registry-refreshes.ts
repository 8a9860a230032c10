// Registry refreshes: one row per run of the registry check that re-reads participants from the civil registry
// (the weekly one of each tenant, an election's check on activation, an administrator's "run now"). The row is the
// request and the progress of its workflow (workflows/election/registry-refresh/): how many of the participants
// are done, how many had their registry data updated and how many were taken off their tasks, and why (counts by
// reason code, never who), and the cursor — the last participant id done — from which a restarted run carries on.
// Ids and counts only. election_id NULL: every active election of the tenant. schedule_key makes the weekly
// schedule's request idempotent (one row per week's run of the weekly workflow).
// The resumer reads across tenants through SECURITY DEFINER functions that answer ids only.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE registry_refreshes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      election_id uuid,
      reason text NOT NULL CHECK (reason IN ('weekly', 'activation', 'manual')),
      requested_by text NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 100),
      schedule_key text CHECK (length(schedule_key) <= 200),
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
      total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
      done integer NOT NULL DEFAULT 0 CHECK (done >= 0),
      updated integer NOT NULL DEFAULT 0 CHECK (updated >= 0),
      unassigned integer NOT NULL DEFAULT 0 CHECK (unassigned >= 0),
      not_found integer NOT NULL DEFAULT 0 CHECK (not_found >= 0),
      unassigned_reasons jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(unassigned_reasons) = 'object' AND octet_length(unassigned_reasons::text) <= 2000),
      cursor uuid,
      requested_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, schedule_key),
      FOREIGN KEY (tenant_id, election_id) REFERENCES elections (tenant_id, id) ON DELETE CASCADE,
      CHECK ((status = 'running') = (finished_at IS NULL))
    );
    CREATE INDEX registry_refreshes_recent ON registry_refreshes (tenant_id, requested_at DESC);
    CREATE INDEX registry_refreshes_running ON registry_refreshes (requested_at) WHERE status = 'running';
    ALTER TABLE registry_refreshes ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON registry_refreshes USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE ON registry_refreshes TO ${APP_ROLE};

    -- Refreshes still running and requested at least p_min_age_seconds ago (their workflow's start may have been
    -- lost), of every tenant or of p_tenant_ids (test platforms). Ids only.
    CREATE FUNCTION running_registry_refreshes(p_min_age_seconds integer, p_tenant_ids uuid[], p_limit integer)
      RETURNS TABLE (tenant_id uuid, id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
      SELECT r.tenant_id, r.id FROM registry_refreshes r
       WHERE r.status = 'running' AND r.requested_at <= now() - make_interval(secs => greatest(p_min_age_seconds, 0))
         AND (p_tenant_ids IS NULL OR r.tenant_id = ANY(p_tenant_ids))
       ORDER BY r.requested_at
       LIMIT least(greatest(p_limit, 1), 1000)
    $$;
    REVOKE ALL ON FUNCTION running_registry_refreshes(integer, uuid[], integer) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION running_registry_refreshes(integer, uuid[], integer) TO ${APP_ROLE};

    -- The tenants that have at least one election (they get the weekly refresh's workflow), of every tenant or of
    -- p_tenant_ids. Ids only.
    CREATE FUNCTION registry_refresh_tenants(p_tenant_ids uuid[])
      RETURNS TABLE (tenant_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
      SELECT DISTINCT e.tenant_id FROM elections e WHERE p_tenant_ids IS NULL OR e.tenant_id = ANY(p_tenant_ids)
    $$;
    REVOKE ALL ON FUNCTION registry_refresh_tenants(uuid[]) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION registry_refresh_tenants(uuid[]) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP FUNCTION registry_refresh_tenants(uuid[]);
    DROP FUNCTION running_registry_refreshes(integer, uuid[], integer);
    DROP TABLE registry_refreshes;`);
};
