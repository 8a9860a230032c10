// The link the next e-mail to the proposer carries (confirm the address; edit after a return), sealed with the
// tenant's key: the petition's flow sends that e-mail (notify, through the subject's merge fields) in an
// activity, so the token never enters a workflow's history, the outbox or a log. Cleared when the link is used.
// And when a proposal waiting for moderation was last marked overdue (the flow's moderation reminder).
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE petitions ADD COLUMN mail_link_sealed bytea, ADD COLUMN moderation_overdue_at timestamptz;
    GRANT UPDATE (mail_link_sealed, moderation_overdue_at) ON petitions TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('ALTER TABLE petitions DROP COLUMN mail_link_sealed, DROP COLUMN moderation_overdue_at');
};
