// A threshold a petition's count reached, written once: the primary key lets exactly one transaction insert it,
// and that one tells the petition's flows (signalled_at set when the flow outbox row is written).
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE petition_threshold_crossings (
      tenant_id uuid NOT NULL,
      petition_id uuid NOT NULL,
      threshold integer NOT NULL CHECK (threshold > 0),
      votes integer NOT NULL,
      crossed_at timestamptz NOT NULL DEFAULT now(),
      signalled_at timestamptz,
      PRIMARY KEY (petition_id, threshold),
      FOREIGN KEY (tenant_id, petition_id) REFERENCES petitions (tenant_id, id) ON DELETE CASCADE
    );
    CREATE INDEX petition_threshold_crossings_unsignalled ON petition_threshold_crossings (tenant_id, petition_id) WHERE signalled_at IS NULL;
    ALTER TABLE petition_threshold_crossings ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON petition_threshold_crossings USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (signalled_at) ON petition_threshold_crossings TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE petition_threshold_crossings');
};
