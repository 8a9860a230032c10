// The running count of a petition's votes as a sharded counter: each vote adds 1 to one of 16 rows picked at
// random (a withdrawal subtracts 1), so no single row is updated by every vote, and the count is the sum of at
// most 16 rows. Deleted when the voters are erased (petitions.final_count keeps the result).
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE petition_vote_counts (
      tenant_id uuid NOT NULL,
      petition_id uuid NOT NULL,
      shard smallint NOT NULL CHECK (shard BETWEEN 0 AND 15),
      votes integer NOT NULL DEFAULT 0,
      PRIMARY KEY (petition_id, shard),
      FOREIGN KEY (tenant_id, petition_id) REFERENCES petitions (tenant_id, id) ON DELETE CASCADE
    );
    ALTER TABLE petition_vote_counts ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON petition_vote_counts USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (votes), DELETE ON petition_vote_counts TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE petition_vote_counts');
};
