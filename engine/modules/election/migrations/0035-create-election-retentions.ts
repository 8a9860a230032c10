// The deletion after each election: one row per election (its workflow's durable record: the phase it has
// reached, the one postponement an administrator may make with its reason, the counts) and one item per
// participant decided on when the deletion starts (delete, or keep: consented until a date, or still in a later
// election), marked when done. Ids, dates, counts and the reason's free text (the form says: no personal data)
// only. The module's resumer reads across tenants through one SECURITY DEFINER function that answers ids only:
// elections whose deletion is not done, and whose election day is not older than automatic deletion itself
// (elections over before it was installed stay with the manual bulk deletion).
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE election_retention_epoch (since date NOT NULL);
    INSERT INTO election_retention_epoch (since) VALUES (current_date);

    CREATE TABLE election_retentions (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      election_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'review', 'deleting', 'keeping', 'done')),
      deactivated_at timestamptz,
      review_opened_at timestamptz,
      postponed_until date,
      postpone_reason text CHECK (length(postpone_reason) BETWEEN 1 AND 500),
      postponed_by text CHECK (length(postponed_by) BETWEEN 1 AND 100),
      postponed_at timestamptz,
      deletion_started_at timestamptz,
      deleted integer NOT NULL DEFAULT 0 CHECK (deleted >= 0),
      kept integer NOT NULL DEFAULT 0 CHECK (kept >= 0),
      finished_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, election_id),
      FOREIGN KEY (tenant_id, election_id) REFERENCES elections (tenant_id, id) ON DELETE CASCADE,
      CHECK ((postponed_until IS NULL) = (postpone_reason IS NULL))
    );
    ALTER TABLE election_retentions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON election_retentions USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE ON election_retentions TO ${APP_ROLE};

    CREATE TABLE election_retention_items (
      tenant_id uuid NOT NULL,
      election_id uuid NOT NULL,
      participant_id uuid NOT NULL,
      decision text NOT NULL CHECK (decision IN ('delete', 'keepConsent', 'keepLaterElection')),
      consent_until date,
      done_at timestamptz,
      PRIMARY KEY (tenant_id, election_id, participant_id),
      FOREIGN KEY (tenant_id, election_id) REFERENCES election_retentions (tenant_id, election_id) ON DELETE CASCADE
    );
    CREATE INDEX election_retention_items_pending ON election_retention_items (tenant_id, election_id, decision) WHERE done_at IS NULL;
    ALTER TABLE election_retention_items ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON election_retention_items USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE ON election_retention_items TO ${APP_ROLE};

    CREATE FUNCTION election_retentions_to_run(p_tenant_ids uuid[], p_limit integer)
      RETURNS TABLE (tenant_id uuid, election_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
      SELECT e.tenant_id, e.id FROM elections e
        LEFT JOIN election_retentions r ON r.tenant_id = e.tenant_id AND r.election_id = e.id
       WHERE (r.status IS NULL OR r.status <> 'done')
         AND e.election_day >= (SELECT min(since) FROM election_retention_epoch)
         AND (p_tenant_ids IS NULL OR e.tenant_id = ANY(p_tenant_ids))
       ORDER BY e.election_day
       LIMIT least(greatest(p_limit, 1), 1000)
    $$;
    REVOKE ALL ON FUNCTION election_retentions_to_run(uuid[], integer) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION election_retentions_to_run(uuid[], integer) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP FUNCTION election_retentions_to_run(uuid[], integer);
    DROP TABLE election_retention_items;
    DROP TABLE election_retentions;
    DROP TABLE election_retention_epoch;`);
};
