// Schema migrations with umzug: one change per migration, each with a `down`, run by the owner role.
import { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { migrations } from './migrations';

export interface MigrationContext {
  sequelize: Sequelize;
}

export type MigrationFn = (params: { context: MigrationContext }) => Promise<void>;

export function createMigrator(owner: Sequelize, logger: Umzug['options']['logger'] = undefined): Umzug<MigrationContext> {
  return new Umzug<MigrationContext>({
    migrations: migrations.map(({ name, module }) => ({ name, up: module.up, down: module.down })),
    context: { sequelize: owner },
    storage: new SequelizeStorage({ sequelize: owner, tableName: 'schema_migrations' }),
    logger,
  });
}
