// `npm run drill:restore [-- --keep]`: the seed's promise "restored within one hour" shown end to end, on real parts
// in a throwaway folder. It builds an environment in the production topology (embedded PostgreSQL holding
// Tingvalla's database and Temporal's two, a real Temporal server on it, the platform in this process), leaves
// flows in flight in three ways (engine/ops/drill/scenario.ts), takes a backup with `npm run backup`'s code, stops
// that environment entirely, restores the backup into a fresh folder and fresh ports (as `npm run restore` does, the
// old Temporal cluster's recorded hosts forgotten), starts the Temporal server and the platform on it, and checks
// that the environment carries on:
//   - every table of the three databases has the rows it had at the backup, and every tenant's audit chain verifies;
//   - Temporal knows the namespace and holds the same open workflows; every instance has its row and its workflow's
//     timeline as before (status, open tasks, the next timer and when it is due);
//   - the submissions whose workflows had not started yet are started by the outbox and get their receipts;
//   - the caseworker reminders whose timers were due after the backup fire, at their time, and are e-mailed;
//   - decisions sent through the caseworker's command complete the waiting instances (status, e-mail to the
//     citizen), and the audit chains still verify after these new writes.
// It prints each phase with its duration and "restored and serving in N s" (from unpacking to the platform's
// /readyz answering 200; the checks in between are not counted). Exit 1 with the reasons when a check fails or a
// step throws; the folder is then kept (with --keep always).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { QueryTypes } from 'sequelize';
import { createSequelize } from '../engine/db/database';
import { prepareDatabase } from '../engine/db/prepare';
import { describeFailure } from '../engine/dev/describe-failure';
import { freePort } from '../engine/dev/free-port';
import { EMBEDDED_DATABASE } from '../engine/dev/owner-connection';
import { ensureNamespace, ensureTemporalServer, setupTemporalSchema, temporalSqlFromUrl, TEMPORAL_DATABASES } from '../engine/dev/temporal-server';
import { ensureHousekeeping } from '../engine/temporal/housekeeping';
import { loadConfig } from '../engine/config';
import { createBackup } from '../engine/ops/backup';
import { verifyAllAuditChains } from '../engine/ops/drill/audit-chains';
import { describeNamespace, drillConfig, newDrillKeys, openWorkflows, startDrillPostgres, startDrillTemporal } from '../engine/ops/drill/environment';
import { instanceStates, stateDifferences, type Group } from '../engine/ops/drill/instances';
import { DrillReport, seconds } from '../engine/ops/drill/report';
import { createDrillTenant, decide, REMINDER_MINUTES, sentMessages, submitApplications, waitForMessages, waitForStatus } from '../engine/ops/drill/scenario';
import { restoreBackup } from '../engine/ops/restore';
import { compareCounts, countRows } from '../engine/ops/table-counts';
import { forgetRecordedTemporalHosts } from '../engine/ops/temporal-membership';
import { startPlatform, type Platform } from '../engine/platform';

const report = new DrillReport('[drill:restore]');
const say = (line: string) => report.say(line);
const check = (ok: boolean, line: string) => report.check(ok, line);
const phase = <T>(what: string, fn: () => Promise<T>) => report.phase(what, fn);
const failures = report.failures;
const DATABASES = [EMBEDDED_DATABASE, TEMPORAL_DATABASES.default, TEMPORAL_DATABASES.visibility];
const GROUPS = { waiting: 6, decided: 4, notStarted: 4 };

const stops: { what: string; stop: () => Promise<void> }[] = [];
async function stopAll(): Promise<void> {
  for (const s of stops.splice(0).reverse()) await s.stop().catch((e: unknown) => say(`while stopping ${s.what}: ${String(e)}`));
}

async function readyz(platform: Platform): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${platform.port}/readyz`);
  if (res.status !== 200) throw new Error(`/readyz answered ${res.status}: ${await res.text()}`);
}

/** Open workflows by type, comparable as text. */
const byType = (m: Map<string, number>) => JSON.stringify([...m].sort());

async function main(): Promise<void> {
  const started = Date.now();
  const folder = mkdtempSync(join(tmpdir(), 'tingvalla-drill-restore-'));
  chmodSync(folder, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach its folder
  const keep = process.argv.includes('--keep');
  const keys = newDrillKeys();
  // The worker's own log (bundling, state changes) would bury the drill's lines; its warnings still show.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  say(`working in ${folder}`);
  let passed = false;
  try {
    await run(folder, keys);
    passed = failures.length === 0;
  } finally {
    await stopAll();
    if (passed && !keep) rmSync(folder, { recursive: true, force: true });
    else say(`the folder is kept: ${folder}`);
  }
  say(failures.length ? `DRILL FAILED (${failures.length}): ${failures.join('; ')}` : `drill: all checks passed (whole drill ${seconds(Date.now() - started)})`);
}

async function run(folder: string, keys: ReturnType<typeof newDrillKeys>): Promise<void> {
  const bin = await ensureTemporalServer(loadConfig().TOOLS_CACHE_DIR, say);

  // --- The source environment.
  say('SOURCE: an environment in the production topology, flows in flight');
  const sourceDir = join(folder, 'source');
  const sourceConfig = drillConfig(sourceDir, keys);
  const src = (await phase('  PostgreSQL (embedded, new cluster)', async () => startDrillPostgres(sourceDir, await freePort()))).value;
  const stopSourcePg = { what: 'source PostgreSQL', stop: () => src.pg.stop() };
  stops.push(stopSourcePg);
  const srcTemporal = (
    await phase('  Temporal server: schema, start, namespace', async () => {
      await setupTemporalSchema(bin.sqlTool, temporalSqlFromUrl(src.ownerUrl), () => undefined);
      const t = await startDrillTemporal(bin.server, src.ownerUrl, join(sourceDir, 'temporal-server'));
      await ensureNamespace(t.address, sourceConfig.TEMPORAL_NAMESPACE);
      return t;
    })
  ).value;
  const stopSourceTemporal = { what: 'source Temporal server', stop: () => srcTemporal.stop() };
  stops.push(stopSourceTemporal);
  const srcAppUrl = (await phase('  migrations', () => prepareDatabase({ ownerUrl: src.ownerUrl, appPassword: sourceConfig.DATABASE_APP_PASSWORD }))).value;
  const srcPlatform = (await phase('  platform (worker and API)', () => startPlatform({ config: sourceConfig, appUrl: srcAppUrl, temporalAddress: srcTemporal.address, tenantIds: [], port: 0 }))).value;
  const stopSourcePlatform = { what: 'source platform', stop: () => srcPlatform.stop() };
  stops.push(stopSourcePlatform);
  const srcOwner = createSequelize(src.ownerUrl);
  stops.push({ what: 'source owner connection', stop: () => srcOwner.close() });
  const srcFlows = { client: srcPlatform.client, taskQueue: sourceConfig.TEMPORAL_TASK_QUEUE };
  const tenant = (
    await phase(`  tenant (provisioned; the application flow with its reminder after ${REMINDER_MINUTES} minutes)`, async () => {
      const t = await createDrillTenant(srcOwner, srcPlatform);
      await ensureHousekeeping(srcPlatform.client, sourceConfig.TEMPORAL_TASK_QUEUE, t.tenantId);
      return t;
    })
  ).value;

  const groups = (
    await phase(`  flows in flight: ${GROUPS.waiting} waiting for a decision, ${GROUPS.decided} decided, ${GROUPS.notStarted} not started yet`, async () => {
      const first = await submitApplications(srcPlatform, tenant, GROUPS.waiting + GROUPS.decided, 1);
      await waitForStatus(srcOwner, first, 'awaitingDecision', 60_000);
      const decided = first.slice(GROUPS.waiting);
      await decide(srcPlatform, srcFlows, tenant, decided, 'approve');
      await waitForStatus(srcOwner, decided, 'approved', 60_000);
      await waitForMessages(srcOwner, decided, 'application-approved', 60_000);
      // The dispatcher held up (as when Temporal is unreachable): these submissions' workflows wait in the outbox.
      await srcPlatform.dispatcher!.stop();
      const notStarted = await submitApplications(srcPlatform, tenant, GROUPS.notStarted, 100);
      return { waiting: first.slice(0, GROUPS.waiting), decided, notStarted } satisfies Record<Group, string[]>;
    })
  ).value;
  const allIds = Object.values(groups).flat();

  // What the source holds at the backup.
  const before = await instanceStates(srcOwner, srcFlows, tenant.tenantId, groups);
  const srcOpen = await openWorkflows(srcTemporal.address, sourceConfig.TEMPORAL_NAMESPACE);
  const [pendingOutbox] = await srcOwner.query<{ n: number }>('SELECT count(*)::int AS n FROM flow_outbox WHERE delivered_at IS NULL', { type: QueryTypes.SELECT });
  const remindersBefore = await sentMessages(srcOwner, groups.waiting, 'task-reminder');
  const dues = before.filter((s) => s.group === 'waiting').map((s) => s.workflow?.nextDue);
  check(
    before.filter((s) => s.group === 'notStarted').every((s) => !s.workflow) && pendingOutbox!.n === GROUPS.notStarted,
    `at the backup: ${GROUPS.notStarted} submissions' workflows not started (${pendingOutbox!.n} outbox rows pending); ${byType(srcOpen)} open in Temporal`,
  );
  check(dues.every((d) => d?.rule === 'remind-caseworker') && remindersBefore.length === 0, `at the backup: every waiting instance's reminder timer running, none fired yet (due ${dues.map((d) => d?.at.slice(11, 19)).join(', ')} UTC)`);

  // --- The backup, with `npm run backup`'s code, while everything runs.
  say('BACKUP');
  const countsBefore = await countRows(src.serverUrl, DATABASES);
  const backup = (await phase('  npm run backup (live: worker, API, Temporal server running)', () => createBackup({ ownerUrl: src.ownerUrl, dir: join(folder, 'backups'), retentionDays: 30, log: (l) => say(`    ${l}`) }))).value;
  const countsAfter = await countRows(src.serverUrl, DATABASES);
  say(`    ${backup.archive}: ${(backup.manifest.bytes / 1048576).toFixed(1)} MB, databases ${backup.manifest.databases.map((d) => `${d.name} ${(d.bytes / 1048576).toFixed(1)} MB`).join(', ')}`);
  const lastDue = Math.max(...dues.map((d) => Date.parse(d!.at)));
  const firstDue = Math.min(...dues.map((d) => Date.parse(d!.at)));
  check(firstDue > Date.parse(backup.manifest.finishedAt), `the reminders are due after the backup: ${seconds(firstDue - Date.parse(backup.manifest.finishedAt))}–${seconds(lastDue - Date.parse(backup.manifest.finishedAt))} after it`);

  await phase('  the source environment stopped entirely (platform, Temporal server, PostgreSQL)', async () => {
    for (const s of [stopSourcePlatform, stopSourceTemporal, stopSourcePg]) {
      stops.splice(stops.indexOf(s), 1);
      if (s === stopSourcePg) await srcOwner.close();
      await s.stop();
    }
  });

  // --- The restore.
  say('RESTORE into a fresh folder, on fresh ports');
  const restoredDir = join(folder, 'restored');
  const restoredConfig = drillConfig(restoredDir, keys);
  const unpack = await phase('  backup checked and unpacked', () => restoreBackup({ archive: backup.archive, dataDir: restoredDir, log: () => undefined }));
  const pgStart = await phase('  PostgreSQL started on it (replays the WAL to the end of the backup)', async () => startDrillPostgres(restoredDir, await freePort()));
  const dst = pgStart.value;
  stops.push({ what: 'restored PostgreSQL', stop: () => dst.pg.stop() });
  const owner = createSequelize(dst.ownerUrl);
  stops.push({ what: 'restored owner connection', stop: () => owner.close() });

  // Checked before anything runs on it: afterwards the platform writes again.
  await phase('  (checks, not counted: row counts, audit chains)', async () => {
    const restoredCounts = await countRows(dst.serverUrl, DATABASES);
    const comparison = compareCounts(countsBefore, countsAfter, restoredCounts);
    const changed = [...countsBefore].filter(([k, v]) => countsAfter.get(k) !== v).map(([k]) => k);
    check(comparison.differences.length === 0, `row counts: all ${comparison.tables} tables of ${DATABASES.join(', ')} as at the backup (${comparison.rows} rows${changed.length ? `; changed during the copy: ${changed.join(', ')}` : ''})${comparison.differences.length ? `: ${comparison.differences.join('; ')}` : ''}`);
    const chains = await verifyAllAuditChains(owner);
    check(chains.tenants > 0 && chains.problems.length === 0, `audit chains verify for all ${chains.tenants} tenants (${chains.rows} rows)${chains.problems.length ? `: ${chains.problems.join('; ')}` : ''}`);
  });

  const temporalStart = await phase('  Temporal server started on the restored databases (no schema step: they are restored)', async () => {
    const forgotten = await forgetRecordedTemporalHosts(dst.serverUrl, TEMPORAL_DATABASES.default);
    say(`    the old cluster's ${forgotten} recorded hosts forgotten (engine/ops/temporal-membership.ts)`);
    return startDrillTemporal(bin.server, dst.ownerUrl, join(restoredDir, 'temporal-server'));
  });
  const temporal = temporalStart.value;
  stops.push({ what: 'restored Temporal server', stop: () => temporal.stop() });
  const namespace = await describeNamespace(temporal.address, restoredConfig.TEMPORAL_NAMESPACE);
  check(namespace.name === restoredConfig.TEMPORAL_NAMESPACE && ['TenantId', 'Module'].every((a) => namespace.searchAttributes.includes(a)), `Temporal knows namespace ${namespace.name} and its search attributes (${namespace.searchAttributes.join(', ')})`);
  const restoredOpen = await openWorkflows(temporal.address, restoredConfig.TEMPORAL_NAMESPACE);
  check(byType(restoredOpen) === byType(srcOpen), `Temporal holds the same open workflows: ${byType(restoredOpen)}`);

  const tenantIds = (await owner.query<{ id: string }>('SELECT id FROM tenants', { type: QueryTypes.SELECT })).map((r) => r.id);
  const platformStart = await phase('  platform started with the same keys (worker and API), /readyz 200', async () => {
    const appUrl = await prepareDatabase({ ownerUrl: dst.ownerUrl, appPassword: restoredConfig.DATABASE_APP_PASSWORD }); // nothing to migrate: as a release start does
    const p = await startPlatform({ config: restoredConfig, appUrl, temporalAddress: temporal.address, tenantIds, port: 0 });
    stops.push({ what: 'restored platform', stop: () => p.stop() });
    await readyz(p);
    return p;
  });
  const platform = platformStart.value;
  const servingMs = unpack.ms + pgStart.ms + temporalStart.ms + platformStart.ms;
  say(`restored and serving in ${seconds(servingMs)} (unpack ${seconds(unpack.ms)}, PostgreSQL ${seconds(pgStart.ms)}, Temporal ${seconds(temporalStart.ms)}, platform ${seconds(platformStart.ms)}; the seed's target: within one hour)`);

  // --- Does it carry on?
  say('CHECKS on the restored environment');
  const flows = { client: platform.client, taskQueue: restoredConfig.TEMPORAL_TASK_QUEUE };
  const after = await instanceStates(owner, flows, tenant.tenantId, { waiting: groups.waiting, decided: groups.decided, notStarted: [] });
  const diffs = stateDifferences(before.filter((s) => s.group !== 'notStarted'), after);
  check(diffs.length === 0, `every started instance has its row and its workflow's timeline as at the backup (status, open tasks, next timer and when it is due): ${after.length}${diffs.length ? `; ${diffs.join('; ')}` : ''}`);

  await waitForStatus(owner, groups.notStarted, 'awaitingDecision', 60_000).then(
    async () => {
      await waitForMessages(owner, groups.notStarted, 'application-received', 60_000);
      check(true, `the ${GROUPS.notStarted} submissions whose workflows had not started were started by the outbox: awaiting a decision, receipt e-mailed`);
    },
    (err: unknown) => check(false, `the not-started submissions: ${(err as Error).message}`),
  );

  const waitMs = Math.max(0, lastDue - Date.now()) + 60_000;
  say(`  waiting for the reminders (due in ${seconds(Math.max(0, firstDue - Date.now()))}–${seconds(Math.max(0, lastDue - Date.now()))})…`);
  const reminders = await waitForMessages(owner, groups.waiting, 'task-reminder', waitMs).catch((err: unknown) => {
    check(false, `the reminders: ${(err as Error).message}`);
    return [];
  });
  if (reminders.length > 0) {
    const lateness = reminders.map((r) => r.sentAt.getTime() - Date.parse(dues[groups.waiting.indexOf(r.instanceId)]!.at));
    check(
      lateness.every((l) => l >= -1000),
      `every reminder timer set before the backup fired after the restore, not before it was due, and was e-mailed: ${reminders.length}, ${seconds(Math.min(...lateness))}–${seconds(Math.max(...lateness))} after their due time`,
    );
  }

  const half = Math.floor(GROUPS.waiting / 2);
  await decide(platform, flows, tenant, groups.waiting.slice(0, half), 'approve');
  await decide(platform, flows, tenant, groups.waiting.slice(half), 'reject');
  await decide(platform, flows, tenant, groups.notStarted, 'approve');
  const decisionsOk = await Promise.all([
    waitForStatus(owner, [...groups.waiting.slice(0, half), ...groups.notStarted], 'approved', 60_000),
    waitForStatus(owner, groups.waiting.slice(half), 'rejected', 60_000),
    waitForMessages(owner, [...groups.waiting.slice(0, half), ...groups.notStarted], 'application-approved', 60_000),
    waitForMessages(owner, groups.waiting.slice(half), 'application-rejected', 60_000),
  ]).then(
    () => '',
    (err: unknown) => (err as Error).message,
  );
  check(decisionsOk === '', `decisions through the caseworker's command completed the waiting instances (${half} approved, ${GROUPS.waiting - half} rejected, ${GROUPS.notStarted} approved), the citizens e-mailed${decisionsOk ? `: ${decisionsOk}` : ''}`);

  const decidedNow = await instanceStates(owner, flows, tenant.tenantId, { waiting: [], decided: groups.decided, notStarted: [] });
  check(
    stateDifferences(before.filter((s) => s.group === 'decided'), decidedNow).length === 0 && decidedNow.every((s) => s.workflow?.nextDue?.rule === 'delete-personal-data'),
    `the instances decided before the backup are still approved, their workflows waiting to delete the data on ${decidedNow[0]?.workflow?.nextDue?.at.slice(0, 10)}`,
  );
  const [ended] = await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM flow_instances WHERE id = ANY($1::uuid[]) AND status IN ('approved', 'rejected')", { bind: [allIds], type: QueryTypes.SELECT });
  const chains = await verifyAllAuditChains(owner);
  check(chains.problems.length === 0, `audit chains still verify after the new writes (${chains.rows} rows, ${chains.tenants} tenants)${chains.problems.length ? `: ${chains.problems.join('; ')}` : ''}`);
  say(`all ${ended!.n} of ${allIds.length} applications decided; restored and serving in ${seconds(servingMs)}`);
}

main().then(
  () => process.exit(failures.length > 0 ? 1 : 0),
  async (err: unknown) => {
    console.error(`[drill:restore] FAILED: ${describeFailure(err)}`);
    await stopAll();
    process.exit(1);
  },
);
