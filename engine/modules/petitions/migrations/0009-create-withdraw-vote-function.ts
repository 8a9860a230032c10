// Withdrawing a vote in one round trip, under the same shared lock as casting (closing waits for it): deletes
// the voter's row and subtracts 1 from one counter row. A threshold once crossed stays crossed.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE FUNCTION petition_withdraw_vote(p_tenant uuid, p_petition uuid, p_voter_hash text)
      RETURNS TABLE (outcome text, votes bigint)
      LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp
    AS $$
    DECLARE
      v_open boolean;
    BEGIN
      PERFORM set_config('app.tenant_id', p_tenant::text, true);
      PERFORM pg_advisory_xact_lock_shared(7301, hashtext(p_petition::text));
      SELECT (p.status = 'open' AND p.closes_at > now()) INTO v_open FROM petitions p WHERE p.id = p_petition;
      IF NOT FOUND THEN
        RETURN QUERY SELECT 'notFound'::text, 0::bigint;
        RETURN;
      END IF;
      IF NOT v_open THEN
        RETURN QUERY SELECT 'notOpen'::text, 0::bigint;
        RETURN;
      END IF;
      DELETE FROM petition_votes v WHERE v.petition_id = p_petition AND v.voter_hash = p_voter_hash;
      IF NOT FOUND THEN
        RETURN QUERY SELECT 'notVoted'::text, (SELECT coalesce(sum(c.votes), 0)::bigint FROM petition_vote_counts c WHERE c.petition_id = p_petition);
        RETURN;
      END IF;
      INSERT INTO petition_vote_counts AS c (tenant_id, petition_id, shard, votes)
        VALUES (p_tenant, p_petition, floor(random() * 16)::smallint, -1)
        ON CONFLICT (petition_id, shard) DO UPDATE SET votes = c.votes - 1;
      RETURN QUERY SELECT 'withdrawn'::text, (SELECT coalesce(sum(c.votes), 0)::bigint FROM petition_vote_counts c WHERE c.petition_id = p_petition);
    END $$;
    REVOKE ALL ON FUNCTION petition_withdraw_vote(uuid, uuid, text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION petition_withdraw_vote(uuid, uuid, text) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP FUNCTION petition_withdraw_vote(uuid, uuid, text)');
};
