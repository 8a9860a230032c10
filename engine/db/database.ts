// The application's connection pool (role tingvalla_app, subject to row-level security) and the one way to
// touch tenant data: inside a transaction that has the tenant set. A query outside withTenant sees no rows.
import { QueryTypes, Sequelize, type Transaction, type TransactionOptions } from 'sequelize';
import { defineModels, type Models } from './models';
import { TtlLru } from '../cache/ttl-lru';
import { isUuid } from '../ids';

export type Site = 'public' | 'admin';

const HOST_TTL_MS = 30_000;
const MAX_REMEMBERED_HOSTS = 10_000;

export function createSequelize(url: string, log?: (sql: string) => void): Sequelize {
  return new Sequelize(url, {
    dialect: 'postgres',
    logging: log ?? false,
    pool: { max: 10, min: 0, idle: 10_000 },
  });
}

interface TransactionQueries {
  startTransactionQuery(transaction: Transaction & { parent?: unknown; options: { tenantId?: string } }): string;
}

const startingWithTenant = new WeakSet<Sequelize>();

/**
 * A transaction given a `tenantId` option (only withTenant gives one) sets its tenant in the statement that starts
 * it: "START TRANSACTION; SELECT set_config(…)" as one simple query, one round trip instead of two. Under a rush
 * every round trip waits its turn behind the requests the event loop is serving; this one was in every
 * transaction. The id is written into the SQL only once isUuid has passed it (withTenant checks before), so nothing
 * else can be.
 */
function startsWithTenant(sequelize: Sequelize): void {
  if (startingWithTenant.has(sequelize)) return;
  startingWithTenant.add(sequelize);
  const generator = (sequelize.getQueryInterface() as unknown as { queryGenerator: TransactionQueries }).queryGenerator;
  const start = generator.startTransactionQuery.bind(generator);
  generator.startTransactionQuery = (transaction) => {
    const sql = start(transaction);
    const { tenantId } = transaction.options;
    if (tenantId === undefined || transaction.parent) return sql;
    if (!isUuid(tenantId)) throw new Error('a transaction’s tenantId must be a UUID');
    return `${sql} SELECT set_config('app.tenant_id', '${tenantId}', true);`;
  };
}

/** What rawQuery needs of a pooled pg connection (Sequelize's connections are pg Clients). */
interface PgConnection {
  query(sql: string, values: readonly unknown[]): Promise<{ rows: unknown[] }>;
}

interface PoolOfPgConnections {
  getConnection(options: { type: 'write' }): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): void;
}

export class Database {
  readonly models: Models;
  private readonly hosts = new TtlLru<{ tenantId: string; site: Site }>(MAX_REMEMBERED_HOSTS, HOST_TTL_MS);

  constructor(readonly sequelize: Sequelize) {
    this.models = defineModels(sequelize);
    startsWithTenant(sequelize);
  }

  static connect(url: string): Database {
    return new Database(createSequelize(url));
  }

  /**
   * Runs `fn` in one transaction whose every statement is restricted to `tenantId` by RLS. The tenant is set in the
   * round trip that starts the transaction (see startsWithTenant); an id that is not a UUID is set as before, by a
   * statement of its own with the id bound, so that it fails as it always did.
   */
  withTenant<T>(tenantId: string, fn: (tx: Transaction) => Promise<T>): Promise<T> {
    if (isUuid(tenantId)) return this.sequelize.transaction({ tenantId } as TransactionOptions, fn);
    return this.sequelize.transaction(async (tx) => {
      await this.sequelize.query("SELECT set_config('app.tenant_id', $1, true)", { bind: [tenantId], transaction: tx });
      return fn(tx);
    });
  }

  /**
   * The one read made before a tenant is known: which tenant and site a host name belongs to. A host found is
   * remembered for HOST_TTL_MS (hosts are added by an operator and never move between tenants; a new one is
   * found at once, as unknown hosts are not remembered), so a request costs no round trip for it.
   */
  async resolveHost(host: string): Promise<{ tenantId: string; site: Site } | undefined> {
    const known = this.hosts.get(host);
    if (known) return known;
    const rows = await this.sequelize.query<{ tenant_id: string; site: Site }>('SELECT tenant_id, site FROM tenant_for_host($1)', {
      bind: [host],
      type: QueryTypes.SELECT,
    });
    const row = rows[0];
    if (!row) return undefined;
    const value = { tenantId: row.tenant_id, site: row.site };
    this.hosts.set(host, value);
    return value;
  }

  /**
   * One statement on one of the pool's connections, straight through pg: no transaction and none of Sequelize's
   * per-query work (its options, bind formatting, a captured stack per query, result shaping), which in the vote
   * burst cost more CPU than the statement's own traffic. For the few hot statements that run hundreds of times a
   * second and set their tenant themselves (the group commits' SQL functions). The pool, its size and the
   * connections' type parsers are Sequelize's; a connection that failed is dropped by the pool's validation.
   */
  async rawQuery<T>(sql: string, values: readonly unknown[]): Promise<T[]> {
    const pool = this.sequelize.connectionManager as unknown as PoolOfPgConnections;
    const connection = await pool.getConnection({ type: 'write' });
    try {
      return (await connection.query(sql, values)).rows as T[];
    } finally {
      pool.releaseConnection(connection);
    }
  }

  async ping(): Promise<void> {
    await this.sequelize.query('SELECT 1');
  }

  close(): Promise<void> {
    return this.sequelize.close();
  }
}
