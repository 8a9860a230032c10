// `npm run drill:votes [-- N [connections]]`: kill -9 the platform in the middle of a burst of votes, start it again,
// and show that every vote that was answered 2xx is counted and that no vote is counted twice.
//
// This process starts the embedded PostgreSQL and the Temporal dev server in a throwaway folder (they survive the
// kill), provisions a tenant with the bench's setup (scripts/bench-votes.ts: a petition flow version with
// residentsOnly 0 so synthetic personal numbers may vote, an open petition, N (3,000) citizens' e-ID sessions made
// by the login code), and runs the platform as a CHILD process (scripts/drill-votes-platform.ts, on a fixed port).
// Then the burst: `connections` (50) keep-alive connections, each voter's vote sent once and retried — only when
// it got no answer (connection refused or cut, or a 5xx) — until it has one. When 40% of the voters have their
// answer, the platform gets SIGKILL; it is started again at once, and the burst goes on through the downtime.
//
// A vote in flight at the kill either committed (its answer was lost: the retry is refused 409 alreadyVoted) or did
// not (the retry is accepted 201). The check, with each voter's keyed hash recomputed from the petition's vote key:
// every voter answered 201 has their row; every voter whose retry was refused 409 has their row (from the lost
// attempt); no voter got 201 twice; nobody else has a row; the count (the counter shards) = the rows = the distinct
// hashes; the API of the restarted platform shows that count. Non-zero exit when a check fails.
import { existsSync, openSync, closeSync, rmSync, readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { loadMasterKeys } from '../engine/crypto/master-keys';
import { Database } from '../engine/db/database';
import { createIdentity } from '../engine/identity';
import { admitSyntheticVoters, firstJsonLine, httpJson, makeVoterSessions, MAX_VOTERS, openPetition, petitionCount, spawnTs, startStack, TENANT_HOST, VOTE_BODY, votesOf, type Stack } from './bench-votes';
import type { ChildProcess } from 'node:child_process';

const say = (line: string) => console.log(`[drill:votes] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Platform {
  child: ChildProcess;
  pid: number;
  port: number;
}

async function startPlatformChild(stack: Stack, port: number, logFile: string): Promise<Platform> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['DATABASE_APP_URL', 'REGISTRY_URL', 'SMTP_URL'].includes(k)));
  const fd = openSync(logFile, 'a');
  const child = spawnTs(
    'drill-votes-platform.ts',
    [],
    { ...env, NODE_ENV: 'development', DATA_DIR: stack.dataDir, DATABASE_URL: stack.ownerUrl, TEMPORAL_ADDRESS: stack.temporalAddress, PORT: String(port), LOG_LEVEL: 'warn', TEST_IDP: 'off', DEV_SMTP_PORT: '0', DRILL_PLATFORM_LOG: logFile },
    fd,
  );
  closeSync(fd);
  try {
    const { pid } = await firstJsonLine<{ port: number; pid: number }>(child, 'the platform');
    return { child, pid, port };
  } catch (err) {
    say(`the platform did not start; the end of its log (${logFile}):\n${readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`);
    throw err;
  }
}

type Outcome = 'accepted' | 'refusedAfterLoss' | 'refused';

interface VoterLog {
  /** Statuses of the attempts, 0 for no answer (connection refused or cut). */
  attempts: number[];
  outcome?: Outcome;
  /** An attempt was in flight when the platform was killed. */
  inFlightAtKill: boolean;
}

async function main(): Promise<void> {
  const N = Number(process.argv[2] ?? 3000);
  const connections = Number(process.argv[3] ?? 50);
  if (!Number.isInteger(N) || N < 200 || N > MAX_VOTERS) throw new Error(`N: a whole number of voters, 200 to ${MAX_VOTERS}`);
  const killAt = Math.floor(N * 0.4);
  const failures: string[] = [];
  const check = (ok: boolean, line: string) => {
    say(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
    if (!ok) failures.push(line);
  };

  say('starting PostgreSQL and the Temporal dev server in a throwaway folder (this process holds them; the platform is a child)…');
  const stack = await startStack(say);
  const db = Database.connect(stack.appUrl);
  const identity = createIdentity(db, loadMasterKeys(stack.config));
  let platform: Platform | undefined;
  const killChild = () => platform?.child.exitCode === null && platform.child.kill('SIGKILL');
  process.on('exit', killChild);
  let keepData = false;
  try {
    const version = await admitSyntheticVoters(db, stack.admin);
    say(`petition flow version ${version} published with residentsOnly = 0 (synthetic voters; no registry lookup), an open petition, ${N} citizen e-ID sessions…`);
    const petitionId = await openPetition({ db, keyring: identity.keyring }, stack.admin, 'Flere bænke i byparken');
    const sessions = await makeVoterSessions(identity, stack.tenantId, [...Array(N).keys()]);

    const port = await freePort();
    const logFile = join(stack.dataDir, 'platform.log');
    const t = Date.now();
    platform = await startPlatformChild(stack, port, logFile);
    say(`platform started as process ${platform.pid} on port ${port} in ${((Date.now() - t) / 1000).toFixed(1)} s (log: ${logFile})`);
    const host = `${TENANT_HOST}:${port}`;

    // The burst.
    const logs: VoterLog[] = Array.from({ length: N }, () => ({ attempts: [], inFlightAtKill: false }));
    const queue = [...Array(N).keys()];
    const inFlight = new Set<number>();
    let answered = 0;
    let killedAt: number | undefined;
    let readyAgainAt: number | undefined;
    let acceptedBeforeKill = 0;
    let restart: Promise<void> | undefined;
    const agent = new Agent({ keepAlive: true, maxSockets: connections });
    const started = Date.now();
    const deadline = started + 10 * 60_000;

    const kill = () => {
      const victim = platform!;
      killedAt = Date.now();
      for (const v of inFlight) logs[v]!.inFlightAtKill = true;
      acceptedBeforeKill = logs.filter((l) => l.outcome === 'accepted').length;
      process.kill(victim.pid, 'SIGKILL');
      say(`kill -9 ${victim.pid} after ${((killedAt - started) / 1000).toFixed(1)} s: ${answered} voters answered (${acceptedBeforeKill} accepted), ${inFlight.size} votes in flight`);
      restart = (async () => {
        await new Promise<void>((resolve) => (victim.child.exitCode !== null || victim.child.signalCode !== null ? resolve() : victim.child.once('exit', () => resolve())));
        platform = await startPlatformChild(stack, port, logFile);
        readyAgainAt = Date.now();
        say(`platform started again as process ${platform.pid}, answering ${((readyAgainAt - killedAt!) / 1000).toFixed(1)} s after the kill`);
      })();
    };

    const worker = async () => {
      for (;;) {
        const v = queue.shift();
        if (v === undefined) return;
        const log = logs[v]!;
        for (;;) {
          if (Date.now() > deadline) throw new Error('the burst did not finish within 10 minutes');
          inFlight.add(v);
          let status: number;
          let code: string | undefined;
          try {
            const res = await httpJson(agent, port, host, 'POST', `/api/petitions/${petitionId}/vote`, { cookie: sessions[v]!.cookie, 'x-csrf-token': sessions[v]!.csrf, accept: 'application/json' }, VOTE_BODY);
            status = res.status;
            code = (res.json as { errors?: { code?: string }[] } | undefined)?.errors?.[0]?.code;
          } catch {
            status = 0; // refused or cut off
          }
          inFlight.delete(v);
          log.attempts.push(status);
          if (status === 201) log.outcome = 'accepted';
          else if (status === 409 && code === 'petition.alreadyVoted') log.outcome = log.attempts.some((s) => s === 0 || s >= 500) ? 'refusedAfterLoss' : 'refused';
          else if (status !== 0 && status < 500) {
            log.outcome = 'refused';
            say(`voter ${v}: unexpected ${status} ${code ?? ''}`);
          }
          if (log.outcome) break;
          await sleep(100); // no answer: try again (the platform may be down)
        }
        answered++;
        if (answered === killAt && killedAt === undefined) kill();
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    await restart;
    const burstSeconds = (Date.now() - started) / 1000;
    agent.destroy();

    // Figures.
    const accepted = logs.filter((l) => l.outcome === 'accepted');
    const refusedAfterLoss = logs.filter((l) => l.outcome === 'refusedAfterLoss');
    const refused = logs.filter((l) => l.outcome === 'refused');
    const lostAttempts = logs.reduce((a, l) => a + l.attempts.filter((s) => s === 0).length, 0);
    const fivexx = logs.reduce((a, l) => a + l.attempts.filter((s) => s >= 500).length, 0);
    const inFlightAtKill = logs.filter((l) => l.inFlightAtKill);
    const retried = logs.filter((l) => l.attempts.length > 1);
    const twice201 = logs.filter((l) => l.attempts.filter((s) => s === 201).length > 1).length;
    say('');
    say(`burst of ${N} voters over ${connections} connections: ${burstSeconds.toFixed(1)} s, the platform down ${killedAt && readyAgainAt ? ((readyAgainAt - killedAt) / 1000).toFixed(1) : '?'} s of it`);
    say(`accepted (201): ${accepted.length} (${acceptedBeforeKill} before the kill, ${accepted.length - acceptedBeforeKill} after)`);
    say(`in flight at the kill: ${inFlightAtKill.length} votes; no answer: ${lostAttempts} attempts (connection refused or cut), 5xx: ${fivexx}; voters retried: ${retried.length}`);
    say(`  of the voters in flight at the kill: ${inFlightAtKill.filter((l) => l.outcome === 'refusedAfterLoss').length} had been counted (their retry was refused 409 alreadyVoted: the vote committed, its answer was lost), ${inFlightAtKill.filter((l) => l.outcome === 'accepted').length} had not (their retry was accepted 201)`);

    // Checks.
    const voters = [...Array(N).keys()];
    const has = await votesOf(db, identity, stack.tenantId, petitionId, voters);
    const count = await petitionCount(stack.owner, petitionId);
    const [dups] = await stack.owner.query<{ n: number }>('SELECT count(*)::integer AS n FROM (SELECT voter_hash FROM petition_votes WHERE petition_id = $1 GROUP BY voter_hash HAVING count(*) > 1) d', { bind: [petitionId], type: QueryTypes.SELECT });
    const detail = (await httpJson(new Agent(), port, host, 'GET', `/api/petitions/${petitionId}`)).json as { votes: number };
    const acceptedMissing = voters.filter((v) => logs[v]!.outcome === 'accepted' && !has.has.get(v)).length;
    const lossMissing = voters.filter((v) => logs[v]!.outcome === 'refusedAfterLoss' && !has.has.get(v)).length;
    const withRow = voters.filter((v) => has.has.get(v)).length;
    say('');
    check(killedAt !== undefined && inFlightAtKill.length > 0, `the kill came in the middle of the burst (${inFlightAtKill.length} votes in flight)`);
    check(acceptedMissing === 0, `every vote answered 2xx is counted: ${accepted.length - acceptedMissing} of ${accepted.length} voters answered 201 have their row`);
    check(lossMissing === 0, `every voter whose retry was refused 409 has the row of the attempt whose answer was lost: ${refusedAfterLoss.length - lossMissing} of ${refusedAfterLoss.length}`);
    check(refused.length === 0, `no voter refused without a lost attempt before (${refused.length})`);
    check(twice201 === 0, `no voter answered 201 twice (${twice201})`);
    check(dups!.n === 0 && has.distinct === has.rows, `no vote counted twice: duplicates in petition_votes ${dups!.n}; ${has.distinct} distinct voter hashes in ${has.rows} rows`);
    check(has.foreignRows === 0 && withRow === accepted.length + refusedAfterLoss.length, `the rows are exactly the voters accepted or counted before the kill: ${withRow} = ${accepted.length} + ${refusedAfterLoss.length}; rows of no voter of the drill ${has.foreignRows}`);
    check(count === has.rows && detail.votes === count, `the petition's count ${count} (the restarted platform's API: ${detail.votes}) equals the rows ${has.rows}`);
    check(withRow === N, `every voter is counted once in the end: ${withRow} of ${N}`);
    say(failures.length ? `DRILL FAILED (${failures.length}); the data folder is kept: ${stack.dataDir}` : 'drill: all checks passed');
    keepData = failures.length > 0;

    const last = platform;
    if (last.child.exitCode === null) {
      last.child.kill('SIGTERM');
      await new Promise((resolve) => last.child.once('exit', resolve));
    }
  } finally {
    killChild();
    await db.close().catch(() => undefined);
    await stack.stop();
    if (!keepData && existsSync(stack.dataDir)) rmSync(stack.dataDir, { recursive: true, force: true });
  }
  if (failures.length) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
