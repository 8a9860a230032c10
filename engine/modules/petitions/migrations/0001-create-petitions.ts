// Petitions: a proposal (the answers of the tenant's published petition form, minus the proposer's name and
// e-mail), its moderation and its vote window. The proposal's text is public once published, so it is kept as
// plain jsonb with its title and summary beside it for listing and search; the proposer's name and e-mail are
// personal data, sealed with the tenant's key (engine/modules/petitions/proposer.ts), with a keyed hash of the
// e-mail for rate limits. Tokens (e-mail confirmation, edit after a return) are stored as SHA-256 only.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE petitions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('awaitingConfirmation', 'awaitingModeration', 'returned', 'rejected', 'open', 'closed', 'inHandling', 'answered')),
      form_definition_id uuid NOT NULL,
      form_version integer NOT NULL,
      content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object' AND octet_length(content::text) <= 65536),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      summary text NOT NULL CHECK (length(summary) <= 400),
      search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title || ' ' || summary)) STORED,
      -- the proposal as the proposer wrote it, kept at the moderator's first correction
      original_content jsonb CHECK (original_content IS NULL OR jsonb_typeof(original_content) = 'object'),
      corrected_at timestamptz,
      proposer_name_sealed bytea,
      proposer_email_sealed bytea,
      proposer_email_hash text,
      proposer_erased_at timestamptz,
      confirm_token_hash text UNIQUE,
      confirm_expires_at timestamptz,
      confirmed_at timestamptz,
      edit_token_hash text UNIQUE,
      edit_expires_at timestamptz,
      -- when it last entered the moderation queue (confirmed or resubmitted)
      moderation_since timestamptz,
      resubmissions integer NOT NULL DEFAULT 0,
      moderation_reason text CHECK (moderation_reason IN ('duplicate', 'outsideCompetence', 'offensive', 'personalData', 'other')),
      moderation_message text CHECK (length(moderation_message) <= 4000),
      moderated_at timestamptz,
      thresholds integer[] NOT NULL DEFAULT '{}',
      zone text NOT NULL DEFAULT 'UTC',
      opened_at timestamptz,
      closes_at timestamptz,
      closed_at timestamptz,
      final_count integer,
      voters_erased_at timestamptz,
      answered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      CHECK ((proposer_erased_at IS NULL) OR (proposer_name_sealed IS NULL AND proposer_email_sealed IS NULL AND proposer_email_hash IS NULL)),
      FOREIGN KEY (tenant_id, form_definition_id, form_version) REFERENCES form_versions (tenant_id, definition_id, version)
    );
    CREATE INDEX petitions_public ON petitions (tenant_id, status, opened_at DESC);
    CREATE INDEX petitions_moderation ON petitions (tenant_id, moderation_since) WHERE status = 'awaitingModeration';
    CREATE INDEX petitions_unconfirmed ON petitions (tenant_id, created_at) WHERE status = 'awaitingConfirmation';
    CREATE INDEX petitions_proposer_email ON petitions (tenant_id, proposer_email_hash, created_at) WHERE proposer_email_hash IS NOT NULL;
    CREATE INDEX petitions_search ON petitions USING gin (search);
    ALTER TABLE petitions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON petitions USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, DELETE ON petitions TO ${APP_ROLE};
    GRANT UPDATE (status, content, title, summary, original_content, corrected_at, proposer_name_sealed, proposer_email_sealed, proposer_email_hash,
                  proposer_erased_at, confirm_token_hash, confirm_expires_at, confirmed_at, edit_token_hash, edit_expires_at, moderation_since,
                  resubmissions, moderation_reason, moderation_message, moderated_at, thresholds, zone, opened_at, closes_at, closed_at,
                  final_count, voters_erased_at, answered_at, updated_at) ON petitions TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE petitions');
};
