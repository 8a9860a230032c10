// A message template's SMS text per language (short: an SMS is paid by the segment) and the order of the channels
// it is sent by (digitalPost, email, sms; the next is tried when a person cannot receive on one). Existing
// templates keep going by e-mail only.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE message_templates
      ADD COLUMN sms jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(sms) = 'object' AND octet_length(sms::text) <= 4000),
      ADD COLUMN channels text[] NOT NULL DEFAULT '{email}'
        CHECK (cardinality(channels) BETWEEN 1 AND 3 AND channels <@ ARRAY['digitalPost', 'email', 'sms']::text[]);
    GRANT UPDATE (sms, channels) ON message_templates TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    REVOKE UPDATE (sms, channels) ON message_templates FROM ${APP_ROLE};
    ALTER TABLE message_templates DROP COLUMN sms, DROP COLUMN channels;`);
};
