// Election types: a name and the eligibility rules chosen from a list (eligibility.ts), each with its
// parameter where it has one — e.g. citizenship: Danish only, or Danish/EU/Nordic for local elections.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE election_types (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      rules jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(rules) = 'array' AND octet_length(rules::text) <= 4000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, name)
    );
    ALTER TABLE election_types ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON election_types USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON election_types TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE election_types');
};
