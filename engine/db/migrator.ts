// Schema migrations with umzug: one change per migration, each with a `down`, run by the owner role. The
// platform's come first, then each module's (named `<module>/<migration>`), in the order of the module list.
import { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { MODULES } from '../modules';
import type { Module } from '../modules/module';
import { migrations } from './migrations';

export interface MigrationContext {
  sequelize: Sequelize;
}

export type MigrationFn = (params: { context: MigrationContext }) => Promise<void>;

export function createMigrator(owner: Sequelize, logger: Umzug['options']['logger'] = undefined, modules: readonly Module[] = MODULES): Umzug<MigrationContext> {
  const all = [...migrations, ...modules.flatMap((m) => (m.migrations ?? []).map((migration) => ({ ...migration, name: `${m.name}/${migration.name}` })))];
  return new Umzug<MigrationContext>({
    migrations: all.map(({ name, module }) => ({ name, up: module.up, down: module.down })),
    context: { sequelize: owner },
    storage: new SequelizeStorage({ sequelize: owner, tableName: 'schema_migrations' }),
    logger,
  });
}
