// The public timeline of a petition in handling: the municipality's status updates, its answer and its
// decision, each optionally with one PDF (stored here as bytea, at most 5 MiB, its type sniffed from the bytes).
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE petition_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL,
      petition_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('update', 'answer', 'decision')),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
      attachment bytea CHECK (octet_length(attachment) <= 5242880),
      attachment_type text CHECK (attachment_type IN ('application/pdf')),
      attachment_name text CHECK (length(attachment_name) BETWEEN 1 AND 200),
      posted_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((attachment IS NULL) = (attachment_type IS NULL) AND (attachment IS NULL) = (attachment_name IS NULL)),
      FOREIGN KEY (tenant_id, petition_id) REFERENCES petitions (tenant_id, id) ON DELETE CASCADE
    );
    CREATE INDEX petition_events_timeline ON petition_events (tenant_id, petition_id, posted_at);
    ALTER TABLE petition_events ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON petition_events USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT ON petition_events TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE petition_events');
};
