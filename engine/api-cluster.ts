// API_PROCESSES > 1 for the api role: this process becomes a primary (node:cluster) that runs that many api
// processes on the one PORT. Node 20 has no reusePort, so the primary holds the listening socket and hands each
// new connection to the next process in turn (round-robin). The processes share nothing in memory — sessions,
// votes and sign-ups are in PostgreSQL; each process has its own caches and group-commit batches — so this is
// the api role scaled out on one machine's cores, as more machines would be behind a load balancer.
// The primary replaces a process that dies, and on SIGINT/SIGTERM stops them all in order.
import cluster, { type Worker } from 'node:cluster';

/** Below this many restarts in a minute a dying process is replaced; above it the primary gives up. */
const MAX_RESTARTS_PER_MINUTE = 10;

export interface ApiClusterOptions {
  processes: number;
  say(line: string): void;
}

/** Runs in the primary: forks the processes and says `ready on port …` once every one listens. */
export function runApiPrimary({ processes, say }: ApiClusterOptions): void {
  let stopping = false;
  let port: number | undefined;
  /** The processes whose API listens (apiProcessReady), by cluster id. */
  const ready = new Set<number>();
  const restarts: number[] = [];
  const live = (): Worker[] => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);

  const fork = (): Worker => {
    const worker = cluster.fork();
    // 'listening' fires for every server a process opens (development's simulators too): the process says when
    // its API is up (apiProcessReady).
    worker.on('message', (message: unknown) => {
      if (!isReadyMessage(message)) return;
      ready.add(worker.id);
      port ??= message.apiReady;
      if (ready.size === processes) say(`ready on port ${port} (${processes} api processes, pids ${live().map((w) => w.process.pid).join(' ')})`);
    });
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    ready.delete(worker.id);
    if (stopping) return;
    const now = Date.now();
    restarts.push(now);
    while (restarts[0]! < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      say(`api process ${worker.process.pid} exited (${signal ?? code}); ${restarts.length} in a minute — giving up`);
      process.exit(1);
    }
    say(`api process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      say(`${signal}: stopping ${processes} api processes…`);
      const workers = live();
      let left = workers.length;
      if (left === 0) process.exit(0);
      for (const w of workers) {
        w.once('exit', () => --left === 0 && process.exit(0));
        w.process.kill('SIGTERM');
      }
    });
  }

  for (let i = 0; i < processes; i++) fork();
}

interface ReadyMessage {
  apiReady: number;
}

const isReadyMessage = (m: unknown): m is ReadyMessage => typeof m === 'object' && m !== null && typeof (m as ReadyMessage).apiReady === 'number';

/** In an api process of the cluster: tells the primary that its API listens. */
export function apiProcessReady(port: number): void {
  process.send?.({ apiReady: port } satisfies ReadyMessage);
}

/** Whether this process is one of a primary's api processes (it then says less: the primary speaks for them). */
export const isApiClusterProcess = (): boolean => cluster.isWorker;
