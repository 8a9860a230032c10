// resume_sessions: resume_session (0031, 0033) for many requests in one round trip and one commit — the
// sessions' group commit (engine/identity/sessions.ts). Element i answers as row(s) with ord = i. The elements
// are worked through in the order of their token hashes, so two batches that touch the same sessions lock their
// rows in the same order and cannot deadlock. Each element sets its own tenant (resume_session does), so RLS
// holds per element.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE FUNCTION resume_sessions(p_tenants uuid[], p_sites text[], p_token_hashes text[], p_nows timestamptz[], p_idle_ms bigint[], p_touch_ms bigint)
      RETURNS TABLE (ord integer, session_id uuid, session_user_id uuid, user_kind text, user_display_name text, user_roles text[], user_grants json, session_assurance text, session_resident boolean, user_pn_country text, user_pn_sealed bytea)
      LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp
    AS $$
    DECLARE
      i integer;
    BEGIN
      IF cardinality(p_tenants) IS DISTINCT FROM cardinality(p_token_hashes) OR cardinality(p_sites) IS DISTINCT FROM cardinality(p_token_hashes)
         OR cardinality(p_nows) IS DISTINCT FROM cardinality(p_token_hashes) OR cardinality(p_idle_ms) IS DISTINCT FROM cardinality(p_token_hashes) THEN
        RAISE EXCEPTION 'resume_sessions: arrays of different lengths';
      END IF;
      FOR i IN SELECT t.n FROM unnest(p_token_hashes) WITH ORDINALITY AS t(h, n) ORDER BY t.h, t.n LOOP
        RETURN QUERY SELECT i, r.* FROM resume_session(p_tenants[i], p_sites[i], p_token_hashes[i], p_nows[i], p_idle_ms[i], p_touch_ms) r;
      END LOOP;
    END
    $$;
    GRANT EXECUTE ON FUNCTION resume_sessions(uuid[], text[], text[], timestamptz[], bigint[], bigint) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP FUNCTION resume_sessions(uuid[], text[], text[], timestamptz[], bigint[], bigint)');
};
