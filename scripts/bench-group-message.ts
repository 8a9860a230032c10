// `npm run bench:group-message [-- --n N]`: a group message to N (500 alone; bench:reminders calls it with 20,000)
// participants of one election, on the real parts (embedded PostgreSQL, the Temporal CLI dev server, the platform's
// worker and development SMTP server) in a throwaway data folder (bench-votes' startStack). The data written as the
// owner: an election, a work location, a task type, a team and N participants, each with an e-mail address and an
// accepted task slot. Then, through the module's own commands, a free-text draft for everyone accepted and its send;
// the bench reads the message's record as the admin page does (every 500 ms) until it is done and reports the time
// from the send to done, messages per second, the progress values the page would have shown, and checks that each
// participant has exactly one communication log row under the group's key, sent (it exits non-zero otherwise).
import { randomUUID } from 'node:crypto';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { join } from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Actor } from '../engine/actors';
import { createGroupMessage, sendGroupMessage } from '../engine/modules/election/group-messages/commands';
import { groupMessage } from '../engine/modules/election/group-messages/queries';
import { startPlatform, type Platform } from '../engine/platform';
import { startStack } from './bench-votes';

export interface GroupMessageBench {
  n: number;
  /** From the send's answer until the record said done. */
  seconds: number;
  perSecond: number;
  /** sent + failed at each poll of the record, as the page's progress bar showed them. */
  progress: number[];
  sent: number;
  failed: number;
  /** Participants with exactly one sent log row under the group's key (must be n). */
  loggedOnce: number;
}

const POLL_MS = 500;

/** Writes an election with n accepted participants (as the owner) and sends them one group message. */
export async function benchGroupMessage(platform: Platform, n: number, opts: { owner: Sequelize; tenantId: string }): Promise<GroupMessageBench> {
  const { owner, tenantId } = opts;
  const one = async <T extends object>(sql: string, bind: unknown[]) => (await owner.query<T>(sql, { bind, type: QueryTypes.SELECT }))[0]!;
  const type = await one<{ id: string }>("INSERT INTO election_types (tenant_id, name) VALUES ($1, 'Gruppebesked ' || $2) RETURNING id", [tenantId, randomUUID().slice(0, 8)]);
  const election = await one<{ id: string }>(
    "INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date) VALUES ($1, 'Gruppebeskedvalget', $2, DATE '2031-06-02', DATE '2031-06-02', DATE '2031-06-02') RETURNING id",
    [tenantId, type.id],
  );
  const area = await one<{ id: string }>("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Gruppebesked ' || $2) RETURNING id", [tenantId, randomUUID().slice(0, 8)]);
  const location = await one<{ id: string }>("INSERT INTO work_locations (tenant_id, area_id, name, address) VALUES ($1, $2, 'Rådhuset', 'Torvet 1') RETURNING id", [tenantId, area.id]);
  const taskType = await one<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Tilforordnet ' || $2, 'TF', '08:00', '20:00') RETURNING id", [tenantId, randomUUID().slice(0, 8)]);
  const team = await one<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Gruppebesked ' || $2, 'GB') RETURNING id", [tenantId, randomUUID().slice(0, 8)]);
  const tag = randomUUID().slice(0, 8);
  await owner.query(
    `WITH p AS (
       INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked,
                                 given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at, email)
       SELECT $1, 'DK', '\\x00'::bytea, 'bench-' || $3 || '-' || g, '010190-xxxx', 'Deltager', 'Nr. ' || g, DATE '1990-01-01', '0101', 'DK', now(), 'p' || g || '-' || $3 || '@bench.example'
         FROM generate_series(1, $2) g RETURNING id)
     INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state)
     SELECT $1, $4, $5, $6, $7, DATE '2031-06-02', p.id, 'accepted' FROM p`,
    { bind: [tenantId, n, tag, election.id, location.id, taskType.id, team.id] },
  );

  const actor: Actor = { kind: 'user', tenantId, id: 'bench-group-message', displayName: 'Bench', roles: ['administrator'] };
  const ctx = { tenantId, actor };
  const deps = { db: platform.db, keyring: platform.identity.keyring };
  const draft = await createGroupMessage(deps, ctx, {
    electionId: election.id,
    channels: ['email'],
    free: { subject: 'Husk {{election}}', body: 'Kære {{name}}, vi ses på {{workLocation}}, {{workLocationAddress}}.' },
    filter: { statuses: ['accepted'] },
  });
  const flows = { client: platform.client, taskQueue: platform.worker!.options.taskQueue };
  const started = Date.now();
  const { total } = await sendGroupMessage({ db: platform.db, flows }, ctx, draft.id);
  if (total !== n) throw new Error(`the filter picked ${total}, not ${n}`);
  const progress: number[] = [];
  for (;;) {
    const m = await groupMessage({ db: platform.db }, actor, draft.id);
    progress.push(m.sent + m.failed);
    if (m.status !== 'sending') {
      const seconds = (Date.now() - started) / 1000;
      const [logged] = await owner.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM (SELECT idempotency_key FROM communication_log WHERE tenant_id = $1 AND idempotency_key LIKE $2 AND status IN ('sent', 'delivered') GROUP BY idempotency_key HAVING count(*) = 1) k",
        { bind: [tenantId, `group/${draft.id}/%`], type: QueryTypes.SELECT },
      );
      return { n, seconds, perSecond: n / seconds, progress, sent: m.sent, failed: m.failed, loggedOnce: logged?.n ?? 0 };
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The progress values, shortened to at most `max` evenly spaced ones for a line of output. */
export function progressLine(values: number[], total: number, max = 12): string {
  const step = Math.max(1, Math.ceil(values.length / max));
  const picked = values.filter((_, i) => i % step === 0 || i === values.length - 1);
  return picked.map((v) => `${Math.round((v / Math.max(1, total)) * 100)}%`).join(' → ');
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf('--n');
  const n = Number(arg >= 0 ? process.argv[arg + 1] : (process.env.BENCH_N ?? 500));
  const say = (line: string) => console.log(line);
  const stack = await startStack(say);
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    const platform = await startPlatform({
      config: stack.config,
      appUrl: stack.appUrl,
      temporalAddress: stack.temporalAddress,
      tenantIds: [stack.tenantId],
      port: 0,
      logger: pino({ level: stack.config.LOG_LEVEL }, pino.destination({ dest: join(stack.dataDir, 'platform.log'), sync: false })),
    });
    try {
      const r = await benchGroupMessage(platform, n, { owner: stack.owner, tenantId: stack.tenantId });
      say(`group message to ${r.n} participants: ${r.seconds.toFixed(1)} s, ${r.perSecond.toFixed(0)} messages/s, sent ${r.sent}, failed ${r.failed}`);
      say(`progress the page showed (every ${POLL_MS} ms): ${progressLine(r.progress, r.n)}`);
      say(`each participant logged once: ${r.loggedOnce} of ${r.n}`);
      if (r.loggedOnce !== r.n || r.sent !== r.n) process.exitCode = 1;
    } finally {
      await platform.stop();
    }
  } finally {
    await stack.stop();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
