// Side (a) of `npm run bench:flows`: the bare baseline on the same Temporal server — N workflows, each one timer
// of the same length as the flows' first reminder, then one activity inserting one row (in the platform's
// PostgreSQL, through a plain connection pool). Its own task queue and worker in this process, no payload codec.
import { Worker, NativeConnection } from '@temporalio/worker';
import { QueryTypes } from 'sequelize';
import { createSequelize } from '../../engine/db/database';
import { timerThenRow, type BaselineActivities } from './baseline-workflow';
import { sideFigures, type SideFigures } from './figures';
import { cpuSnapshot, sampleHistories, startAll, waitForEffects, type BenchServers } from './phase';

const TASK_QUEUE = 'bench-baseline';

export async function runBaseline(servers: BenchServers, n: number, delayMs: number, say: (line: string) => void): Promise<SideFigures> {
  const pool = createSequelize(servers.ownerUrl);
  await pool.query('CREATE TABLE IF NOT EXISTS bench_baseline_rows (i int PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT clock_timestamp())');
  await pool.query('TRUNCATE bench_baseline_rows');
  const activities: BaselineActivities = {
    async writeRow(i) {
      await pool.query('INSERT INTO bench_baseline_rows (i) VALUES ($1) ON CONFLICT DO NOTHING', { bind: [i] });
    },
  };
  const connection = await NativeConnection.connect({ address: servers.temporalAddress });
  const worker = await Worker.create({ connection, namespace: servers.namespace, taskQueue: TASK_QUEUE, workflowsPath: require.resolve('./baseline-workflow'), activities });
  const run = `${Date.now()}`;
  const ids = Array.from({ length: n }, (_, i) => `bench-baseline-${run}-${i}`);
  try {
    return await worker.runUntil(async () => {
      const cpu = cpuSnapshot(servers);
      const { starts, seconds } = await startAll(n, 64, async (i) => {
        await servers.client.workflow.start(timerThenRow, { workflowId: ids[i]!, taskQueue: TASK_QUEUE, args: [{ i, delayMs }] });
      });
      say(`  baseline: ${n} started in ${seconds.toFixed(1)} s; waiting for every timer's row…`);
      await waitForEffects(n, async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_baseline_rows', { type: QueryTypes.SELECT }))[0]!.n, say, 'rows written');
      const cpuSeconds = cpu();
      const rows = await pool.query<{ i: number; at: Date }>('SELECT i, written_at AS at FROM bench_baseline_rows', { type: QueryTypes.SELECT });
      const effects: number[] = new Array(n);
      for (const r of rows) effects[r.i] = r.at.getTime();
      // Closed workflows' histories: wait for the last to close (its row is written just before).
      await Promise.all(ids.slice(-5).map((id) => servers.client.workflow.getHandle(id).result()));
      const history = await sampleHistories(servers.client, ids);
      return sideFigures({ starts, startSeconds: seconds, effects, dueMs: delayMs, history, cpuSeconds });
    });
  } finally {
    await connection.close();
    await pool.close();
  }
}
