// Brings a database to the current schema as its owner: the app role, then every pending migration.
import { QueryTypes } from 'sequelize';
import { createSequelize } from './database';
import { createMigrator } from './migrator';
import { appUrlFromOwnerUrl, ensureAppRole } from './roles';

export async function createDatabaseIfMissing(serverOwnerUrl: string, database: string): Promise<void> {
  const admin = createSequelize(serverOwnerUrl);
  try {
    const rows = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', { bind: [database], type: QueryTypes.SELECT });
    if (rows.length === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.close();
  }
}

/** Runs migrations as the owner and returns the URL the application connects with. */
export async function prepareDatabase(opts: { ownerUrl: string; appPassword: string; appUrl?: string }): Promise<string> {
  const owner = createSequelize(opts.ownerUrl);
  try {
    await ensureAppRole(owner, opts.appPassword);
    await createMigrator(owner).up();
  } finally {
    await owner.close();
  }
  return opts.appUrl ?? appUrlFromOwnerUrl(opts.ownerUrl, opts.appPassword);
}
