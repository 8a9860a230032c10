// Teams: the parties, Borgerservice, volunteers… A team that is a political party makes its membership
// special-category data (political opinion): see participants.ts for who may see it.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE teams (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      short_name text NOT NULL CHECK (length(short_name) BETWEEN 1 AND 20),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
      political_party boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, name)
    );
    ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON teams USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON teams TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE teams');
};
