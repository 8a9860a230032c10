// What is left of the votes once the voters are erased: how many were cast on each day of the window (in the
// tenant's time zone). Written once, when the voters are erased; never changed.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE petition_vote_days (
      tenant_id uuid NOT NULL,
      petition_id uuid NOT NULL,
      day date NOT NULL,
      votes integer NOT NULL CHECK (votes > 0),
      PRIMARY KEY (petition_id, day),
      FOREIGN KEY (tenant_id, petition_id) REFERENCES petitions (tenant_id, id) ON DELETE CASCADE
    );
    ALTER TABLE petition_vote_days ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON petition_vote_days USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT ON petition_vote_days TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE petition_vote_days');
};
