// The baseline of `npm run bench:slots`: a bare Express 5 application in its own process (like
// bench-staffing-baseline.ts) answering the overview and the distribute PUT with the same SQL straight on
// PostgreSQL (pg, the owner's connection): no platform code, no session, no RLS, no schema checks, no audit.
//   GET /api/election/elections/:id/overview?teamIds=&taskTypeIds=&dates=   the same aggregate (grouped by station,
//        joined to stations and areas, the filters as = ANY), grouped by area with totals into the same JSON shape
//   PUT /api/election/elections/:id/work-locations/:wl/distribution     one transaction: the station's slots locked
//        (FOR UPDATE) and counted per cell, one INSERT of the additions, one DELETE of the removals (vacant, never
//        invited), and the station's cells answered
// Environment: DATABASE_URL (the owner's), TENANT_ID. It prints `{"port":N}` once it listens on 127.0.0.1 and
// runs until it is killed.
import express from 'express';
import type { AddressInfo } from 'node:net';

// pg has no type declarations in this project (the platform reaches it through Sequelize): the little used here.
interface PgResult {
  rows: Record<string, unknown>[];
}
interface PgClient {
  query(text: string, values?: unknown[]): Promise<PgResult>;
  release(): void;
}
interface PgPool {
  connect(): Promise<PgClient>;
  query(text: string, values?: unknown[]): Promise<PgResult>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Pool } = require('pg') as { Pool: new (options: { connectionString: string; max: number }) => PgPool };

const pool = new Pool({ connectionString: process.env.DATABASE_URL!, max: 10 });
const tenantId = process.env.TENANT_ID!;
const list = (v: unknown): string[] | null => (typeof v === 'string' && v ? v.split(',') : null);

interface Totals {
  slots: number;
  accepted: number;
  invited: number;
  vacant: number;
}
const zero = (): Totals => ({ slots: 0, accepted: 0, invited: 0, vacant: 0 });
const add = (a: Totals, b: Totals) => {
  a.slots += b.slots;
  a.accepted += b.accepted;
  a.invited += b.invited;
  a.vacant += b.vacant;
};

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '512kb' }));

app.get('/api/election/elections/:id/overview', async (req, res) => {
  const { rows } = await pool.query(
    `SELECT a.id AS area_id, a.name AS area_name, w.id, w.name, w.district_number,
            coalesce(s.slots, 0)::integer AS slots, coalesce(s.accepted, 0)::integer AS accepted, coalesce(s.invited, 0)::integer AS invited
       FROM election_work_locations ew
       JOIN work_locations w ON w.tenant_id = ew.tenant_id AND w.id = ew.work_location_id
       JOIN election_areas a ON a.tenant_id = w.tenant_id AND a.id = w.area_id
       LEFT JOIN (SELECT s.work_location_id, count(*) AS slots, count(*) FILTER (WHERE s.state = 'accepted') AS accepted, count(*) FILTER (WHERE s.state = 'invited') AS invited
                    FROM task_slots s
                   WHERE s.tenant_id = $1 AND s.election_id = $2
                     AND ($3::uuid[] IS NULL OR s.team_id = ANY($3)) AND ($4::uuid[] IS NULL OR s.task_type_id = ANY($4)) AND ($5::date[] IS NULL OR s.task_date = ANY($5))
                   GROUP BY s.work_location_id) s ON s.work_location_id = w.id
      WHERE ew.tenant_id = $1 AND ew.election_id = $2
      ORDER BY a.name COLLATE "da-DK-x-icu", a.id, w.name COLLATE "da-DK-x-icu", w.id`,
    [tenantId, req.params.id, list(req.query.teamIds), list(req.query.taskTypeIds), list(req.query.dates)],
  );
  const totals = zero();
  const areas: { id: string; name: string; totals: Totals; workLocations: unknown[] }[] = [];
  for (const r of rows) {
    const t = { slots: r.slots as number, accepted: r.accepted as number, invited: r.invited as number, vacant: (r.slots as number) - (r.accepted as number) - (r.invited as number) };
    let area = areas[areas.length - 1];
    if (area?.id !== (r.area_id as string)) areas.push((area = { id: r.area_id as string, name: r.area_name as string, totals: zero(), workLocations: [] }));
    area.workLocations.push({ id: r.id, name: r.name, districtNumber: r.district_number, totals: t });
    add(area.totals, t);
    add(totals, t);
  }
  res.json({ totals, areas });
});

app.put('/api/election/elections/:id/work-locations/:wl/distribution', async (req, res) => {
  const cells = (req.body as { cells: { teamId: string; taskTypeId: string; date: string; count: number }[] }).cells;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `SELECT s.id, s.team_id, s.task_type_id, s.task_date::text AS date, (s.state = 'vacant' AND s.invited_at IS NULL) AS removable
         FROM task_slots s WHERE s.tenant_id = $1 AND s.election_id = $2 AND s.work_location_id = $3 ORDER BY s.id FOR UPDATE`,
      [tenantId, req.params.id, req.params.wl],
    );
    const byCell = new Map<string, { count: number; removable: string[] }>();
    for (const r of rows) {
      const key = `${r.team_id}|${r.task_type_id}|${r.date}`;
      const c = byCell.get(key) ?? { count: 0, removable: [] };
      c.count++;
      if (r.removable) c.removable.push(r.id as string);
      byCell.set(key, c);
    }
    const ins = { teams: [] as string[], types: [] as string[], dates: [] as string[], n: [] as number[] };
    const del: string[] = [];
    for (const c of cells) {
      const cur = byCell.get(`${c.teamId}|${c.taskTypeId}|${c.date}`) ?? { count: 0, removable: [] };
      if (c.count > cur.count) {
        ins.teams.push(c.teamId);
        ins.types.push(c.taskTypeId);
        ins.dates.push(c.date);
        ins.n.push(c.count - cur.count);
      } else if (c.count < cur.count) del.push(...cur.removable.slice(0, cur.count - c.count));
    }
    if (ins.n.length) {
      await client.query(
        `INSERT INTO task_slots (tenant_id, election_id, work_location_id, team_id, task_type_id, task_date)
         SELECT $1, $2, $3, c.team_id, c.task_type_id, c.task_date FROM unnest($4::uuid[], $5::uuid[], $6::date[], $7::integer[]) AS c(team_id, task_type_id, task_date, n) CROSS JOIN LATERAL generate_series(1, c.n)`,
        [tenantId, req.params.id, req.params.wl, ins.teams, ins.types, ins.dates, ins.n],
      );
    }
    if (del.length) await client.query('DELETE FROM task_slots WHERE id = ANY($1::uuid[])', [del]);
    const { rows: out } = await client.query(
      `SELECT team_id AS "teamId", task_type_id AS "taskTypeId", task_date::text AS date, count(*)::integer AS count FROM task_slots
        WHERE tenant_id = $1 AND election_id = $2 AND work_location_id = $3 GROUP BY 1, 2, 3 ORDER BY 3, 1, 2`,
      [tenantId, req.params.id, req.params.wl],
    );
    await client.query('COMMIT');
    res.json({ cells: out });
  } catch (err) {
    await client.query('ROLLBACK');
    res.status(500).json({ error: String(err) });
  } finally {
    client.release();
  }
});

const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
