// Task links: a link an administrator hands out (a poster's QR code, an e-mail to a team) that shows the public
// site's visitors vacant task slots of one election — one slot (kind task), the vacant slots matching filters
// (kind tasks: teams, dates, areas, work locations, task types; each a list of at most 100) or a team's vacant
// slots (kind team). The token is 32 random bytes: its SHA-256 finds the link (unique across tenants), and the
// token itself is kept sealed with the tenant's key (purpose election.taskLinkTokens, bound to the link's id),
// so that the admin site can show the link and its QR code again. A link stops working when revoked, when it
// expires (set at creation: the end of the day after election day, in the tenant's time zone) and while its
// election is inactive. A removed slot takes its task links with it.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE task_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      election_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('task', 'tasks', 'team')),
      slot_id uuid,
      team_id uuid,
      filters jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(filters) = 'object' AND octet_length(filters::text) <= 32000),
      token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      token_sealed bytea NOT NULL CHECK (octet_length(token_sealed) <= 200),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 100),
      UNIQUE (tenant_id, id),
      CHECK ((kind = 'task') = (slot_id IS NOT NULL)),
      CHECK ((kind = 'team') = (team_id IS NOT NULL)),
      CHECK (kind = 'tasks' OR filters = '{}'::jsonb),
      FOREIGN KEY (tenant_id, election_id) REFERENCES elections (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, slot_id) REFERENCES task_slots (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id)
    );
    CREATE INDEX task_links_election ON task_links (tenant_id, election_id, created_at DESC);
    CREATE INDEX task_links_slot ON task_links (tenant_id, slot_id) WHERE slot_id IS NOT NULL;
    CREATE INDEX task_links_team ON task_links (tenant_id, team_id) WHERE team_id IS NOT NULL;
    ALTER TABLE task_links ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON task_links USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE ON task_links TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE task_links');
};
