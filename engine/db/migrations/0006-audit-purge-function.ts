// Retention purge of the current tenant's audit log. It removes a prefix of the chain (every row up to
// the newest one older than the cut-off) and records that row's hash as the chain's new anchor, so the
// rows that remain still verify. SECURITY DEFINER: the application itself holds no DELETE privilege.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE FUNCTION purge_audit_log(p_before timestamptz) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    DECLARE
      t uuid := current_tenant_id();
      cut audit_log%ROWTYPE;
      n bigint;
    BEGIN
      IF t IS NULL THEN RAISE EXCEPTION 'purge_audit_log needs a tenant (app.tenant_id is not set)'; END IF;
      PERFORM 1 FROM audit_chain_heads WHERE tenant_id = t FOR UPDATE;
      SELECT * INTO cut FROM audit_log WHERE tenant_id = t AND created_at < p_before ORDER BY seq DESC LIMIT 1;
      IF NOT FOUND THEN RETURN 0; END IF;
      DELETE FROM audit_log WHERE tenant_id = t AND seq <= cut.seq;
      GET DIAGNOSTICS n = ROW_COUNT;
      UPDATE audit_chain_heads SET anchor_seq = cut.seq, anchor_hash = cut.hash, purged_at = now() WHERE tenant_id = t;
      RETURN n;
    END $$;
    REVOKE ALL ON FUNCTION purge_audit_log(timestamptz) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION purge_audit_log(timestamptz) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP FUNCTION purge_audit_log(timestamptz)');
};
