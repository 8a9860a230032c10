// resume_session (0031) also answers what a citizen's login established — the session's level of assurance and
// residency (0032) — and the user's sealed personal number, so a step that needs them (a vote: its ballot hash
// and eligibility) reads nothing more: a vote is the session's round trip and the vote's own.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

const BODY = (withFacts: boolean) => `
    CREATE FUNCTION resume_session(p_tenant uuid, p_site text, p_token_hash text, p_now timestamptz, p_idle_ms bigint, p_touch_ms bigint)
      RETURNS TABLE (session_id uuid, session_user_id uuid, user_kind text, user_display_name text, user_roles text[], user_grants json${withFacts ? ', session_assurance text, session_resident boolean, user_pn_country text, user_pn_sealed bytea' : ''})
      LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp
    AS $$
    DECLARE
      r record;
    BEGIN
      PERFORM set_config('app.tenant_id', p_tenant::text, true);
      SELECT s.id, s.user_id, u.kind, u.display_name, u.roles, s.last_seen_at, s.absolute_expires_at, s.assurance, s.resident,
             u.personal_number_country, u.personal_number_sealed,
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
      RETURN QUERY SELECT r.id, r.user_id, r.kind, r.display_name, r.roles, r.grants${withFacts ? ', r.assurance, r.resident, r.personal_number_country, r.personal_number_sealed' : ''};
    END
    $$;
    GRANT EXECUTE ON FUNCTION resume_session(uuid, text, text, timestamptz, bigint, bigint) TO ${APP_ROLE};`;

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`DROP FUNCTION resume_session(uuid, text, text, timestamptz, bigint, bigint); ${BODY(true)}`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`DROP FUNCTION resume_session(uuid, text, text, timestamptz, bigint, bigint); ${BODY(false)}`);
};
