// Hash-chains the audit log per tenant, in the database, so no insert path can skip it.
// Each row's hash covers its content and the previous row's hash; audit_chain_heads keeps the newest
// (seq, hash) so a deleted tail is detected too, and the anchor where a purge cut the chain.
// engine/audit/verify.ts walks the chain; audit_entry_digest() is the one definition of a row's hash.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE audit_chain_heads (
      tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
      last_seq bigint NOT NULL,
      last_hash text NOT NULL,
      anchor_seq bigint NOT NULL,
      anchor_hash text NOT NULL,
      purged_at timestamptz
    );
    ALTER TABLE audit_chain_heads ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON audit_chain_heads USING (tenant_id = current_tenant_id());
    GRANT SELECT ON audit_chain_heads TO ${APP_ROLE};

    CREATE FUNCTION audit_genesis_hash(p_tenant uuid) RETURNS text LANGUAGE sql IMMUTABLE
      AS $$ SELECT encode(sha256(convert_to('tingvalla-audit-genesis:' || p_tenant::text, 'UTF8')), 'hex') $$;

    CREATE FUNCTION audit_entry_digest(e audit_log) RETURNS text LANGUAGE sql STABLE
      AS $$ SELECT encode(sha256(convert_to(jsonb_build_array(
        e.tenant_id, e.seq, e.prev_hash, e.actor_type, e.actor_id, e.action, e.entity_type, e.entity_id,
        e.summary, e.request_id, (extract(epoch FROM e.created_at) * 1000000)::bigint
      )::text, 'UTF8')), 'hex') $$;
    GRANT EXECUTE ON FUNCTION audit_entry_digest(audit_log), audit_genesis_hash(uuid) TO ${APP_ROLE};

    CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    DECLARE head audit_chain_heads%ROWTYPE;
    BEGIN
      INSERT INTO audit_chain_heads (tenant_id, last_seq, last_hash, anchor_seq, anchor_hash)
        VALUES (NEW.tenant_id, 0, audit_genesis_hash(NEW.tenant_id), 0, audit_genesis_hash(NEW.tenant_id))
        ON CONFLICT (tenant_id) DO NOTHING;
      -- The row lock serialises appends per tenant, so seq has no gaps and prev_hash no forks.
      SELECT * INTO head FROM audit_chain_heads WHERE tenant_id = NEW.tenant_id FOR UPDATE;
      NEW.seq := head.last_seq + 1;
      NEW.prev_hash := head.last_hash;
      NEW.created_at := clock_timestamp();
      NEW.hash := audit_entry_digest(NEW);
      UPDATE audit_chain_heads SET last_seq = NEW.seq, last_hash = NEW.hash WHERE tenant_id = NEW.tenant_id;
      RETURN NEW;
    END $$;
    CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP TRIGGER audit_log_chain ON audit_log;
    DROP FUNCTION audit_log_chain();
    DROP FUNCTION audit_entry_digest(audit_log);
    DROP FUNCTION audit_genesis_hash(uuid);
    DROP TABLE audit_chain_heads;`);
};
