// One row per vote while the window is open: the petition, the voter's keyed hash (never the number) and the
// day (not the time: a timestamp could be matched against a login). The unique key makes a second vote by
// the same person impossible. No foreign key to petitions on purpose: its check would take a share lock on
// the one petition row with every vote (a hot row under load); the vote function checks the petition instead,
// and the rows are deleted when the voters are erased. No UPDATE: a vote is cast or withdrawn, never changed.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE petition_votes (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      petition_id uuid NOT NULL,
      voter_hash text NOT NULL CHECK (voter_hash ~ '^[0-9a-f]{64}$'),
      cast_on date NOT NULL,
      CONSTRAINT petition_votes_once UNIQUE (petition_id, voter_hash)
    );
    CREATE INDEX petition_votes_days ON petition_votes (petition_id, cast_on);
    ALTER TABLE petition_votes ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON petition_votes USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, DELETE ON petition_votes TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE petition_votes');
};
