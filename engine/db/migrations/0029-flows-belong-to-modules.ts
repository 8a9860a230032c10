// Flows belong to the module whose subject they are about: the e-services' application flow, named after the
// engine ("flows") before modules had a seam, becomes the eservices module's. Its published versions stay as
// they were published (immutable); the definition's module, which the Module search attribute reads, moves.
import type { MigrationFn } from '../migrator';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`UPDATE flow_definitions SET module = 'eservices', draft = jsonb_set(draft, '{module}', '"eservices"') WHERE module = 'flows'`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`UPDATE flow_definitions SET module = 'flows', draft = jsonb_set(draft, '{module}', '"flows"') WHERE module = 'eservices'`);
};
