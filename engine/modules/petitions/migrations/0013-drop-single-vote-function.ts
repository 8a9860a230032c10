// Votes go to the database in batches (0012, commands/cast-vote.ts); the one-vote function of 0008 is unused.
import type { MigrationFn } from '../../../db/migrator';
import { up as createSingleVoteFunction } from './0008-create-cast-vote-function';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP FUNCTION petition_cast_vote(uuid, uuid, text, integer)');
};

export const down: MigrationFn = (params) => createSingleVoteFunction(params);
