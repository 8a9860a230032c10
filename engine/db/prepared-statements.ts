// Statements the application sends again and again are planned once per connection, not on every call. Sent
// unnamed (Sequelize's way), PostgreSQL parses and plans a statement each time; for the flows' statements that is
// most of their cost: loading an election task's facts (a join of six tables, each under row-level security)
// took ~1.7 ms to plan and ~0.07 ms to run on an idle machine, and during bench:signup's rush the planning of
// the worker's statements was ~10 ms of PostgreSQL per flow, beside the sign-up batches on the same two cores.
// Here a parameterised statement seen a second time gets a name: node-postgres prepares it once on each pooled
// connection and then only binds and executes it, and PostgreSQL keeps its plan (after five runs, a generic plan
// when that is not dearer than planning each time: plan_cache_mode auto).
//
// Bounded: at most MAX_NAMED statements of a pool are named (the rest stay unnamed), and the texts counted
// before their second use are forgotten in bulk past MAX_COUNTED, so a stream of one-off texts costs nothing
// lasting. Only statements with parameters are named: those without go as simple queries, where Sequelize sends
// several at once ("START TRANSACTION; SELECT set_config(…)"), which the extended protocol cannot carry.
// A prepared statement outlives ROLLBACK and is re-planned by PostgreSQL when a table or function it uses
// changes; only the application's pool (Database) names its statements, never the owner's, which runs the
// migrations.
import type { Sequelize } from 'sequelize';

export const MAX_NAMED = 500;
const MAX_COUNTED = 10_000;

/** Which statement texts have a name, shared by the pool's connections (a name always means the same text). */
export class StatementNames {
  private readonly seenOnce = new Set<string>();
  private readonly names = new Map<string, string>();

  /** The name to send `text` under, or undefined to send it unnamed (its first use, or past the bound). */
  nameFor(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined || this.names.size >= MAX_NAMED) return known;
    if (!this.seenOnce.has(text)) {
      if (this.seenOnce.size >= MAX_COUNTED) this.seenOnce.clear();
      this.seenOnce.add(text);
      return undefined;
    }
    this.seenOnce.delete(text);
    const name = `tingvalla_${this.names.size + 1}`;
    this.names.set(text, name);
    return name;
  }

  get named(): number {
    return this.names.size;
  }
}

type Callback = (err: Error | null, result?: unknown) => void;
interface PgClient {
  query(config: unknown, values?: unknown, callback?: Callback): unknown;
}

const namesOfPools = new WeakMap<Sequelize, StatementNames>();

/** Names the repeated statements of every connection this pool opens from now on (see above). */
export function preparesRepeatedStatements(sequelize: Sequelize): StatementNames {
  const existing = namesOfPools.get(sequelize);
  if (existing) return existing;
  const names = new StatementNames();
  namesOfPools.set(sequelize, names);
  sequelize.addHook('afterConnect', (connection: unknown) => {
    const client = connection as PgClient;
    const query = client.query.bind(client);
    client.query = (config: unknown, values?: unknown, callback?: Callback) => {
      if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
        const name = names.nameFor(config);
        if (name !== undefined) return callback ? query({ name, text: config, values }, callback) : query({ name, text: config, values });
      }
      return query(config, values, callback);
    };
  });
  return names;
}
