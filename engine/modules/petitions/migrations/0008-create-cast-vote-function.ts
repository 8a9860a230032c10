// A vote in one round trip: petition_cast_vote(tenant, petition, voter hash, margin) sets the tenant for its own
// transaction (as Database.withTenant does; RLS applies, it is not SECURITY DEFINER), checks the petition is
// open, inserts the vote (a second vote of the same hash inserts nothing: 'alreadyVoted'), adds 1 to one of the
// 16 counter rows and answers the count and the thresholds this vote crossed.
//
// Locks. Every vote holds a shared advisory lock on the petition (class 7301) until it commits; closing the
// window takes it exclusively, so it waits for the votes in flight and no vote slips in after it. Near a
// threshold (the count within `margin` of one not yet reached) a vote also takes an exclusive lock (class
// 7302) and counts again with a fresh snapshot, so the votes around a threshold count one after another and the
// crossing is seen — and inserted once (petition_threshold_crossings' primary key) — by exactly one of them.
// Far from every threshold nothing serialises.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE FUNCTION petition_cast_vote(p_tenant uuid, p_petition uuid, p_voter_hash text, p_margin integer)
      RETURNS TABLE (outcome text, votes bigint, crossed integer[])
      LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp
    AS $$
    DECLARE
      v_thresholds integer[];
      v_zone text;
      v_open boolean;
      v_total bigint;
      v_pending integer[];
      v_t integer;
      v_crossed integer[] := '{}';
    BEGIN
      PERFORM set_config('app.tenant_id', p_tenant::text, true);
      PERFORM pg_advisory_xact_lock_shared(7301, hashtext(p_petition::text));
      SELECT p.thresholds, p.zone, (p.status = 'open' AND p.closes_at > now()) INTO v_thresholds, v_zone, v_open FROM petitions p WHERE p.id = p_petition;
      IF NOT FOUND THEN
        RETURN QUERY SELECT 'notFound'::text, 0::bigint, '{}'::integer[];
        RETURN;
      END IF;
      IF NOT v_open THEN
        RETURN QUERY SELECT 'notOpen'::text, 0::bigint, '{}'::integer[];
        RETURN;
      END IF;
      INSERT INTO petition_votes (tenant_id, petition_id, voter_hash, cast_on)
        VALUES (p_tenant, p_petition, p_voter_hash, (now() AT TIME ZONE v_zone)::date)
        ON CONFLICT ON CONSTRAINT petition_votes_once DO NOTHING;
      IF NOT FOUND THEN
        RETURN QUERY SELECT 'alreadyVoted'::text, (SELECT coalesce(sum(c.votes), 0)::bigint FROM petition_vote_counts c WHERE c.petition_id = p_petition), '{}'::integer[];
        RETURN;
      END IF;
      INSERT INTO petition_vote_counts AS c (tenant_id, petition_id, shard, votes)
        VALUES (p_tenant, p_petition, floor(random() * 16)::smallint, 1)
        ON CONFLICT (petition_id, shard) DO UPDATE SET votes = c.votes + 1;
      SELECT coalesce(sum(c.votes), 0) INTO v_total FROM petition_vote_counts c WHERE c.petition_id = p_petition;
      SELECT coalesce(array_agg(t ORDER BY t), '{}') INTO v_pending FROM unnest(v_thresholds) AS t
        WHERE t <= v_total + greatest(p_margin, 0)
          AND NOT EXISTS (SELECT 1 FROM petition_threshold_crossings x WHERE x.petition_id = p_petition AND x.threshold = t);
      IF cardinality(v_pending) > 0 THEN
        PERFORM pg_advisory_xact_lock(7302, hashtext(p_petition::text));
        -- a new statement, a new snapshot: every vote that held this lock before has committed
        SELECT coalesce(sum(c.votes), 0) INTO v_total FROM petition_vote_counts c WHERE c.petition_id = p_petition;
        FOREACH v_t IN ARRAY v_pending LOOP
          IF v_total >= v_t THEN
            INSERT INTO petition_threshold_crossings (tenant_id, petition_id, threshold, votes)
              VALUES (p_tenant, p_petition, v_t, v_total) ON CONFLICT DO NOTHING;
            IF FOUND THEN v_crossed := v_crossed || v_t; END IF;
          END IF;
        END LOOP;
      END IF;
      RETURN QUERY SELECT 'cast'::text, v_total, v_crossed;
    END $$;
    REVOKE ALL ON FUNCTION petition_cast_vote(uuid, uuid, text, integer) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION petition_cast_vote(uuid, uuid, text, integer) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP FUNCTION petition_cast_vote(uuid, uuid, text, integer)');
};
