// Group messages: an administrator's message to the participants of one election chosen by a filter (teams, work
// locations, task types, task dates, slot status), on a channel, from the election's template of an event or as
// free text. The row is the request and the progress: a draft until sent, then 'sending' while its workflow
// (workflows/election/group-message/) works through its recipients (migration 0038), then 'done' or 'failed'.
// The filter holds ids, dates and status words only; free text is sealed with the tenant's key for group messages
// (engine/modules/election/group-messages/free-text.ts), since an administrator may write anything in it.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE group_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      election_id uuid NOT NULL,
      channels text[] NOT NULL CHECK (cardinality(channels) BETWEEN 1 AND 3 AND channels <@ ARRAY['digitalPost', 'email', 'sms']::text[]),
      template_event text CHECK (length(template_event) BETWEEN 1 AND 60),
      free_text_sealed bytea,
      filter jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(filter) = 'object' AND octet_length(filter::text) <= 16384),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sending', 'done', 'failed')),
      total integer NOT NULL DEFAULT 0 CHECK (total BETWEEN 0 AND 200000),
      sent integer NOT NULL DEFAULT 0 CHECK (sent >= 0),
      failed integer NOT NULL DEFAULT 0 CHECK (failed >= 0),
      created_by text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 100),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      send_requested_at timestamptz,
      finished_at timestamptz,
      UNIQUE (tenant_id, id),
      FOREIGN KEY (tenant_id, election_id) REFERENCES elections (tenant_id, id) ON DELETE CASCADE,
      CHECK ((template_event IS NULL) <> (free_text_sealed IS NULL)),
      CHECK (sent + failed <= total),
      CHECK ((status = 'draft') = (send_requested_at IS NULL)),
      CHECK ((status IN ('done', 'failed')) = (finished_at IS NOT NULL))
    );
    CREATE INDEX group_messages_recent ON group_messages (tenant_id, created_at DESC);
    CREATE INDEX group_messages_sending ON group_messages (send_requested_at) WHERE status = 'sending';
    ALTER TABLE group_messages ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON group_messages USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON group_messages TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE group_messages');
};
