// A session resumed in one round trip: resume_session(tenant, site, token hash, now, idle ms, touch ms) sets the
// tenant for its own transaction (as Database.withTenant does; RLS applies, it is not SECURITY DEFINER), finds
// the live session of the token with its user and grants (read at every request, so a revoked grant counts at
// once), and moves the idle expiry on — at most once per `touch ms`, so a burst of requests of one session (a
// citizen voting, a page's parallel queries) writes its row once rather than on every request.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE FUNCTION resume_session(p_tenant uuid, p_site text, p_token_hash text, p_now timestamptz, p_idle_ms bigint, p_touch_ms bigint)
      RETURNS TABLE (session_id uuid, session_user_id uuid, user_kind text, user_display_name text, user_roles text[], user_grants json)
      LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp
    AS $$
    DECLARE
      r record;
    BEGIN
      PERFORM set_config('app.tenant_id', p_tenant::text, true);
      SELECT s.id, s.user_id, u.kind, u.display_name, u.roles, s.last_seen_at, s.absolute_expires_at,
             COALESCE((SELECT json_agg(json_build_object('kind', g.kind, 'scopeId', g.scope_id) ORDER BY g.kind, g.scope_id)
                         FROM responsibility_grants g WHERE g.user_id = u.id), '[]'::json) AS grants
        INTO r
        FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = p_token_hash AND s.site = p_site AND s.ended_at IS NULL AND s.idle_expires_at > p_now AND s.absolute_expires_at > p_now;
      IF NOT FOUND THEN
        RETURN;
      END IF;
      IF r.last_seen_at <= p_now - make_interval(secs => p_touch_ms / 1000.0) THEN
        UPDATE sessions SET last_seen_at = p_now, idle_expires_at = least(p_now + make_interval(secs => p_idle_ms / 1000.0), r.absolute_expires_at) WHERE id = r.id;
      END IF;
      RETURN QUERY SELECT r.id, r.user_id, r.kind, r.display_name, r.roles, r.grants;
    END
    $$;
    GRANT EXECUTE ON FUNCTION resume_session(uuid, text, text, timestamptz, bigint, bigint) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP FUNCTION resume_session(uuid, text, text, timestamptz, bigint, bigint)');
};
