// Votes in batches: petition_cast_votes(tenant, petition, voter hashes[], margin) is petition_cast_vote (0008)
// for the votes that reach one petition at the same moment — one round trip and one commit for all of them
// (the votes' group commit, commands/cast-vote.ts). Element i answers in the row with ord = i: 'cast' (its
// hash inserted: the first of its hash in the batch, and none before), 'alreadyVoted', or, for all elements,
// 'notOpen' / 'notFound'. Every cast element answers the count after the batch; the thresholds the batch
// crossed are answered with its first cast element, and a crossing reached inside the batch is recorded at the
// threshold's own count (its votes were counted together, but one of them was the threshold's). The hashes are inserted in their sorted order, so two
// batches waiting on each other's hashes (a voter's second tab) wait in one order and cannot deadlock. Locks
// and the count near a threshold as in 0008.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE FUNCTION petition_cast_votes(p_tenant uuid, p_petition uuid, p_voter_hashes text[], p_margin integer)
      RETURNS TABLE (ord integer, outcome text, votes bigint, crossed integer[])
      LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp
    AS $$
    DECLARE
      v_thresholds integer[];
      v_zone text;
      v_open boolean;
      v_found boolean;
      v_inserted text[];
      v_total bigint;
      v_pending integer[];
      v_t integer;
      v_crossed integer[] := '{}';
    BEGIN
      PERFORM set_config('app.tenant_id', p_tenant::text, true);
      PERFORM pg_advisory_xact_lock_shared(7301, hashtext(p_petition::text));
      SELECT p.thresholds, p.zone, (p.status = 'open' AND p.closes_at > now()) INTO v_thresholds, v_zone, v_open FROM petitions p WHERE p.id = p_petition;
      v_found := FOUND;
      IF NOT v_found OR NOT coalesce(v_open, false) THEN
        RETURN QUERY SELECT t.n::integer, CASE WHEN v_found THEN 'notOpen' ELSE 'notFound' END, 0::bigint, '{}'::integer[]
          FROM unnest(p_voter_hashes) WITH ORDINALITY AS t(h, n);
        RETURN;
      END IF;
      WITH ins AS (
        INSERT INTO petition_votes (tenant_id, petition_id, voter_hash, cast_on)
          SELECT p_tenant, p_petition, h, (now() AT TIME ZONE v_zone)::date FROM (SELECT DISTINCT h FROM unnest(p_voter_hashes) AS u(h)) d ORDER BY h
          ON CONFLICT ON CONSTRAINT petition_votes_once DO NOTHING
          RETURNING voter_hash)
      SELECT coalesce(array_agg(voter_hash), '{}') INTO v_inserted FROM ins;
      IF cardinality(v_inserted) > 0 THEN
        INSERT INTO petition_vote_counts AS c (tenant_id, petition_id, shard, votes)
          VALUES (p_tenant, p_petition, floor(random() * 16)::smallint, cardinality(v_inserted))
          ON CONFLICT (petition_id, shard) DO UPDATE SET votes = c.votes + excluded.votes;
      END IF;
      SELECT coalesce(sum(c.votes), 0) INTO v_total FROM petition_vote_counts c WHERE c.petition_id = p_petition;
      IF cardinality(v_inserted) > 0 THEN
        SELECT coalesce(array_agg(t ORDER BY t), '{}') INTO v_pending FROM unnest(v_thresholds) AS t
          WHERE t <= v_total + greatest(p_margin, 0)
            AND NOT EXISTS (SELECT 1 FROM petition_threshold_crossings x WHERE x.petition_id = p_petition AND x.threshold = t);
        IF cardinality(v_pending) > 0 THEN
          PERFORM pg_advisory_xact_lock(7302, hashtext(p_petition::text));
          -- a new statement, a new snapshot: every batch that held this lock before has committed
          SELECT coalesce(sum(c.votes), 0) INTO v_total FROM petition_vote_counts c WHERE c.petition_id = p_petition;
          FOREACH v_t IN ARRAY v_pending LOOP
            IF v_total >= v_t THEN
              INSERT INTO petition_threshold_crossings (tenant_id, petition_id, threshold, votes)
                VALUES (p_tenant, p_petition, v_t, greatest(v_t, v_total - cardinality(v_inserted))) ON CONFLICT DO NOTHING;
              IF FOUND THEN v_crossed := v_crossed || v_t; END IF;
            END IF;
          END LOOP;
        END IF;
      END IF;
      RETURN QUERY
        WITH e AS (
          SELECT t.n::integer AS n, t.h, (t.h = ANY (v_inserted) AND t.n = min(t.n) OVER (PARTITION BY t.h)) AS cast_here
            FROM unnest(p_voter_hashes) WITH ORDINALITY AS t(h, n))
        SELECT e.n, CASE WHEN e.cast_here THEN 'cast' ELSE 'alreadyVoted' END, v_total,
               CASE WHEN e.cast_here AND e.n = (SELECT min(f.n) FROM e f WHERE f.cast_here) THEN v_crossed ELSE '{}'::integer[] END
          FROM e ORDER BY e.n;
    END $$;
    REVOKE ALL ON FUNCTION petition_cast_votes(uuid, uuid, text[], integer) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION petition_cast_votes(uuid, uuid, text[], integer) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP FUNCTION petition_cast_votes(uuid, uuid, text[], integer)');
};
