// Work locations (polling stations): area, name, address and the polling-district number.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE work_locations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      area_id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      address text NOT NULL DEFAULT '' CHECK (length(address) <= 200),
      postal_code text NOT NULL DEFAULT '' CHECK (length(postal_code) <= 10),
      city text NOT NULL DEFAULT '' CHECK (length(city) <= 100),
      district_number text NOT NULL DEFAULT '' CHECK (length(district_number) <= 20),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      FOREIGN KEY (tenant_id, area_id) REFERENCES election_areas (tenant_id, id)
    );
    ALTER TABLE work_locations ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON work_locations USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON work_locations TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE work_locations');
};
