// Chains an audit row when its transaction commits, not when it is inserted. The chain needs one writer per tenant
// at a time (the head's row lock), and that lock used to be taken by the insert and held until the commit: across
// every round trip between the insert and the COMMIT, so a tenant's busy moment (a rush of sign-ups, each
// audited) queued behind the application's own event loop. A deferred constraint trigger takes the lock inside
// the COMMIT itself, so it is held only for the chaining and the commit's flush. The insert leaves seq, prev_hash
// and hash empty (whatever it says); the trigger fills them, and created_at, at commit, in the order the rows were
// inserted. Other transactions never see an unchained row: it becomes visible chained. Undoing it restores the
// chaining at insert (migration 0005).
import type { MigrationFn } from '../migrator';

/** Locks the tenant's chain head into `head` (made at genesis when the tenant has none); 0043 chains with it too. */
export const LOCK_CHAIN_HEAD = `SELECT * INTO head FROM audit_chain_heads WHERE tenant_id = NEW.tenant_id FOR UPDATE;
      IF NOT FOUND THEN
        INSERT INTO audit_chain_heads (tenant_id, last_seq, last_hash, anchor_seq, anchor_hash)
          VALUES (NEW.tenant_id, 0, audit_genesis_hash(NEW.tenant_id), 0, audit_genesis_hash(NEW.tenant_id))
          ON CONFLICT (tenant_id) DO NOTHING;
        SELECT * INTO head FROM audit_chain_heads WHERE tenant_id = NEW.tenant_id FOR UPDATE;
      END IF;`;

/** The function as this migration makes it, after CREATE [OR REPLACE] FUNCTION (0043 restores it when undone). */
export const CHAIN_ROW_AT_COMMIT = `audit_log_chain_at_commit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    DECLARE
      head audit_chain_heads%ROWTYPE;
      r audit_log%ROWTYPE := NEW;
    BEGIN
      ${LOCK_CHAIN_HEAD}
      r.seq := head.last_seq + 1;
      r.prev_hash := head.last_hash;
      r.created_at := clock_timestamp();
      r.hash := audit_entry_digest(r);
      UPDATE audit_log SET seq = r.seq, prev_hash = r.prev_hash, created_at = r.created_at, hash = r.hash WHERE id = NEW.id;
      UPDATE audit_chain_heads SET last_seq = r.seq, last_hash = r.hash WHERE tenant_id = NEW.tenant_id;
      RETURN NULL;
    END $$;`;

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP TRIGGER audit_log_chain ON audit_log;
    ALTER TABLE audit_log ALTER COLUMN seq DROP NOT NULL, ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;

    -- An insert cannot choose its place in the chain.
    CREATE FUNCTION audit_log_unchained() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.seq := NULL;
      NEW.prev_hash := NULL;
      NEW.hash := NULL;
      RETURN NEW;
    END $$;
    CREATE TRIGGER audit_log_unchained BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_unchained();

    CREATE FUNCTION ${CHAIN_ROW_AT_COMMIT}
    CREATE CONSTRAINT TRIGGER audit_log_chain AFTER INSERT ON audit_log DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION audit_log_chain_at_commit();`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP TRIGGER audit_log_chain ON audit_log;
    DROP TRIGGER audit_log_unchained ON audit_log;
    DROP FUNCTION audit_log_chain_at_commit();
    DROP FUNCTION audit_log_unchained();
    ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
    CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();`);
};
