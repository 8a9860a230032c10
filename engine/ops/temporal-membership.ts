// A restored `temporal` database still lists the hosts of the Temporal cluster it was backed up from
// (cluster_membership: each service's host and port, with its last heartbeat). A Temporal server started on it
// takes every host that beat within the last 20 s as a seed and tries to join it: right after a backup (a drill,
// a quick move to a new machine) those are the old cluster's, gone or elsewhere, and the new server's rings do not
// form for the first 30 s and more ("Not enough hosts to serve the request", ringpop's join timing out). No host of
// the restored cluster runs yet when we restore, so the list is emptied: each service writes its own row again as it
// starts. Nothing else of Temporal's state is touched.
import { QueryTypes } from 'sequelize';
import { createSequelize } from '../db/database';

/** Deletes the recorded hosts in `database` (Temporal's default store) if it is there; returns how many were listed. */
export async function forgetRecordedTemporalHosts(serverUrl: string, database: string): Promise<number> {
  const server = createSequelize(serverUrl);
  const [exists] = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', { bind: [database], type: QueryTypes.SELECT }).finally(() => server.close());
  if (!exists) return 0;
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const temporal = createSequelize(url.toString());
  try {
    const [table] = await temporal.query<{ t: string | null }>("SELECT to_regclass('cluster_membership')::text AS t", { type: QueryTypes.SELECT });
    if (!table?.t) return 0;
    const [rows] = await temporal.query<{ n: number }>('WITH gone AS (DELETE FROM cluster_membership RETURNING 1) SELECT count(*)::int AS n FROM gone', { type: QueryTypes.SELECT });
    return rows!.n;
  } finally {
    await temporal.close();
  }
}
