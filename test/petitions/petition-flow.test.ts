// The petition's flow on Temporal with time skipping, driven by the module's commands through the real outbox
// dispatcher: the proposer confirms from the e-mail the flow sent, the moderation reminder fires after its
// target, the 90-day window opens on approval, two thresholds are crossed (told to the flow, never the votes),
// an administrator extends the window (and is refused past the cap), the window closes on its extended date and
// the flow erases the voters, the municipality answers, and the proposer's details go after the retention.
// Afterwards no table, no line of the dispatcher's log and no workflow history (raw, or decoded by the codec)
// holds a voter's personal number, name or ballot hash; the count and the tally per day remain.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingEnvironment } from '../../engine/dev/time-skipping-env';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import pino from 'pino';
import { createActivities } from '../../activities';
import { saveFlowDraft, publishFlow } from '../../engine/commands/flows';
import { Keyring } from '../../engine/crypto/keyring';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { DevOutbox } from '../../engine/dev/smtp-outbox';
import { OutboxDispatcher } from '../../engine/flows/outbox/dispatcher';
import { zoneOf } from '../../engine/flows/tenant-rules';
import { flowHandle } from '../../engine/flows/workflows';
import { EmailChannel } from '../../engine/messages/channels';
import { castVote } from '../../engine/modules/petitions/commands/cast-vote';
import { confirmPetitionEmail } from '../../engine/modules/petitions/commands/confirm-petition-email';
import { approvePetition } from '../../engine/modules/petitions/commands/moderate-petition';
import { postPetitionUpdate } from '../../engine/modules/petitions/commands/post-petition-update';
import { proposePetition } from '../../engine/modules/petitions/commands/propose-petition';
import { extendPetitionVoting } from '../../engine/modules/petitions/commands/vote-window';
import { petitionDetail } from '../../engine/modules/petitions/queries/petition-detail';
import { dataConverter } from '../../engine/temporal/client';
import { AesGcmPayloadCodec, parseCodecKeys } from '../../engine/temporal/codec';
import { ensureSearchAttributes } from '../../engine/temporal/ensure-search-attributes';
import { workflowIds } from '../../engine/temporal/ids';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import { flowMessages } from '../../workflows';
import { testServices } from '../helpers/env';
import { closeOwnerDb, createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { quietTemporalRuntime } from '../helpers/platform';
import { anonymous, answers, citizen, collectPayloads, cpr, moderator, ownerRows, tablesHolding } from './helpers';

const TASK_QUEUE = 'petition-flow-test';
const db = suiteDatabase();
const keyring = new Keyring(db, parseKeySpec(process.env.DATA_MASTER_KEYS!));
const keys = parseCodecKeys(process.env.TEMPORAL_CODEC_KEYS!);
let env: TestWorkflowEnvironment;
let outbox: DevOutbox;
let email: EmailChannel;
let tenant: TestTenant;
/** Everything the platform's logger wrote during the test (the dispatcher's lines). */
const logLines: string[] = [];

beforeAll(async () => {
  quietTemporalRuntime();
  env = await startTimeSkippingEnvironment(testServices().testServerPath, dataConverter(keys));
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  outbox = await DevOutbox.start(mkdtempSync(join(tmpdir(), 'tingvalla-petition-outbox-')), 0);
  email = new EmailChannel(outbox.url, 'Tingvalla <no-reply@test.localhost>');
  tenant = await createTestTenant({ builtinForms: true });
});

afterAll(async () => {
  email?.close();
  await outbox?.stop();
  await env?.teardown();
  await closeOwnerDb();
});

/** Polls (in real time) until the check passes, or fails with what it last saw. */
async function waitFor<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > until) throw new Error(`waited ${ms / 1000} s for ${what}; last saw ${JSON.stringify(last).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** The petition flow with small thresholds for the test (3 and 5 votes), published as the tenant's version 2. */
async function petitionFlowWithSmallThresholds(): Promise<void> {
  const [flow] = await ownerRows<{ id: string; draft: FlowDefinition }>("SELECT id, draft FROM flow_definitions WHERE tenant_id = $1 AND key = 'petition'", [tenant.id]);
  const draft = structuredClone(flow!.draft);
  draft.parameters!.properties!.threshold1!.default = 3;
  draft.parameters!.properties!.threshold2!.default = 5;
  const saved = await saveFlowDraft(db, moderator(tenant.id), flow!.id, draft);
  expect(saved.problems).toEqual([]);
  expect(await publishFlow(db, moderator(tenant.id), flow!.id)).toMatchObject({ version: 2 });
}

it('runs a petition from proposal to answer: confirmation, moderation reminder, window, thresholds, extension, erasure', async () => {
  await petitionFlowWithSmallThresholds();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: { codePath: testServices().workflowBundlePath },
    activities: createActivities({ db, keyring, channels: { email }, publicOrigin: (host) => `http://${host}:8080` }),
    dataConverter: dataConverter(keys),
  });
  const temporal = { client: env.client, taskQueue: TASK_QUEUE };
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _enc, done) => void (logLines.push(chunk.toString()), done()) }));
  const dispatcher = OutboxDispatcher.start({ db, listenUrl: process.env.TEST_APP_URL!, temporal, logger, onlyRowsWrittenHere: true, pollMs: 200 });
  const deps = { db, keyring };
  const voters = [0, 1, 2, 3, 4].map((i) => ({ ctx: citizen(tenant.id), pn: cpr(i + 700) }));
  let hashes: string[] = [];

  try {
    await worker.runUntil(async () => {
      // Proposed: the flow starts and e-mails the confirmation link (nothing else has the token).
      const proposer = { proposerName: 'Karen Madsen', proposerEmail: 'karen.madsen@example.dk' };
      const proposed = await proposePetition(deps, anonymous(tenant.id), { answers: answers(proposer) });
      const [instance] = await ownerRows<{ id: string; version: number }>("SELECT id, version FROM flow_instances WHERE subject_type = 'petition' AND subject_id = $1", [proposed.id]);
      expect(instance!.version).toBe(2);
      const handle = flowHandle(temporal, tenant.id, instance!.id);
      const mails = () => outbox.list(tenant.id);
      const confirmMail = (await waitFor('the confirmation e-mail', mails, (m) => m.some((x) => x.subject.startsWith('Bekræft din e-mail'))))[0]!;
      expect(confirmMail.to).toBe('karen.madsen@example.dk');
      const link = /http:\/\/\S+\/petitions\/confirm#([A-Za-z0-9_-]{43})/.exec(confirmMail.text)!;
      expect(link[1]).toBe(proposed.confirmToken);
      const timeline = () => handle.query(flowMessages.timelineQuery);
      const status = (s: string) => async () => waitFor(`flow status ${s}`, timeline, (t) => t.status === s);

      // Confirmed from the link: to moderation. After the target (5 days) the moderators are reminded and it is overdue.
      await confirmPetitionEmail(deps, anonymous(tenant.id), link[1]);
      await status('awaitingModeration')();
      await env.sleep('5 days');
      await env.sleep('1 hour');
      await waitFor('the moderation reminder', timeline, (t) => t.timeline.some((e) => e.rule === 'moderation-overdue' && e.action === 'markModerationOverdue'));
      const [overdue] = await waitFor('the overdue mark', () => ownerRows<{ moderation_overdue_at: Date | null }>('SELECT moderation_overdue_at FROM petitions WHERE id = $1', [proposed.id]), (r) => r[0]?.moderation_overdue_at != null);
      expect(overdue!.moderation_overdue_at).not.toBeNull();
      await waitFor('the moderators’ reminder e-mail', mails, (m) => m.some((x) => x.subject.startsWith('Borgerforslag venter på moderering') && x.to === `kontakt@${tenant.slug}.example`));

      // Approved: open for 90 days, the thresholds (3, 5) from the flow's version.
      await approvePetition(deps, moderator(tenant.id), proposed.id);
      const opened = await status('open')();
      const approvedAt = opened.timeline.find((e) => e.kind === 'event' && e.detail === 'petition.approved')!.at;
      const [row] = await ownerRows<{ thresholds: number[] }>('SELECT thresholds FROM petitions WHERE id = $1', [proposed.id]);
      expect(row!.thresholds).toEqual([3, 5]);

      // Five votes: the third and the fifth cross the thresholds; the flow hears of those two, never of a vote.
      for (const v of voters) await castVote(deps, v.ctx, proposed.id, v.pn);
      hashes = (await ownerRows<{ voter_hash: string }>('SELECT voter_hash FROM petition_votes WHERE petition_id = $1', [proposed.id])).map((r) => r.voter_hash);
      expect(hashes).toHaveLength(5);
      const qualified = await status('qualified')();
      const events = qualified.timeline.filter((e) => e.kind === 'event').map((e) => e.detail);
      expect(events.filter((e) => e?.startsWith('petition.threshold'))).toEqual(['petition.threshold1Reached', 'petition.threshold2Reached']);
      expect(events.some((e) => /vote/i.test(e ?? ''))).toBe(false);
      await waitFor('the threshold e-mails', mails, (m) => m.filter((x) => x.subject.startsWith('Nok støtter')).length === 2);

      // Day 80: extended by 20 days; 20 more would pass the cap of 30 and is refused, changing nothing.
      await env.sleep('80 days');
      const flows = temporal;
      await extendPetitionVoting({ db, flows }, moderator(tenant.id), proposed.id, 20);
      await expect(extendPetitionVoting({ db, flows }, moderator(tenant.id), proposed.id, 20)).rejects.toMatchObject({ status: 409, fields: [{ field: '/days', code: 'petition.extensionOverCap', params: { maxDays: 30 } }] });
      await expect(extendPetitionVoting({ db, flows }, citizen(tenant.id), proposed.id, 5)).rejects.toMatchObject({ status: 403 });

      // Day 110: the window closes on its extended date; the flow erases the voters.
      await env.sleep('31 days');
      const closed = await status('closed')();
      const closedAt = closed.timeline.find((e) => e.rule === 'close-voting' && e.kind === 'status')!.at;
      // 110 calendar days in the tenant's zone: across a daylight-saving change that is 110 × 24 h ± 1 h.
      expect(closedAt).toBe(DateTime.fromISO(approvedAt, { zone: zoneOf('DK') }).plus({ days: 110 }).toUTC().toISO());
      expect(Math.abs(Date.parse(closedAt) - Date.parse(approvedAt) - 110 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
      const [erased] = await waitFor('the erasure', () => ownerRows<{ final_count: number | null; voters_erased_at: Date | null }>('SELECT final_count, voters_erased_at FROM petitions WHERE id = $1', [proposed.id]), (r) => r[0]?.voters_erased_at != null);
      expect(erased!.final_count).toBe(5);
      expect(await ownerRows('SELECT 1 FROM petition_votes WHERE petition_id = $1', [proposed.id])).toEqual([]);
      expect(await ownerRows<{ sealed_key: Buffer | null }>('SELECT sealed_key FROM petition_keys WHERE petition_id = $1', [proposed.id])).toEqual([{ sealed_key: null }]);
      const detail = await petitionDetail(deps, anonymous(tenant.id).actor, proposed.id);
      expect(detail.votes).toBe(5);
      expect(detail.days.reduce((n, d) => n + d.votes, 0)).toBe(5);

      // Answered; 90 days later the proposer's details are deleted and the flow ends.
      await postPetitionUpdate(deps, moderator(tenant.id), proposed.id, { kind: 'answer', text: 'Kommunalbestyrelsen har besluttet at opstille ti bænke.' });
      await status('answered')();
      await env.sleep('91 days');
      await waitFor('the end of the flow', timeline, (t) => t.endedAt !== undefined);
      const [gone] = await ownerRows<{ proposer_erased_at: Date | null; proposer_name_sealed: Buffer | null }>('SELECT proposer_erased_at, proposer_name_sealed FROM petitions WHERE id = $1', [proposed.id]);
      expect(gone).toMatchObject({ proposer_name_sealed: null });
      expect(gone!.proposer_erased_at).not.toBeNull();
      const sent = (await mails()).map((m) => m.subject.split(':')[0]);
      expect(sent).toEqual(expect.arrayContaining(['Bekræft din e-mail', 'Borgerforslag venter på moderering', 'Dit forslag er offentliggjort', 'Støtteperioden er slut', 'Kommunen har svaret på dit forslag']));

      // Nobody can learn who voted: not from any table, the log, or the workflow's history (raw or decoded).
      const needles = [...voters.flatMap((v) => [v.pn.canonical, `${v.pn.canonical.slice(0, 6)}-${v.pn.canonical.slice(6)}`]), ...hashes];
      expect(await tablesHolding(needles)).toEqual([]);
      // The dispatcher's log lines (few: it logs only what goes wrong); every request's line: test/petitions/api-privacy.test.ts.
      expect(logLines.filter((l) => needles.some((n) => l.includes(n)))).toEqual([]);
      const history = await env.client.workflow.getHandle(workflowIds.flow(tenant.id, instance!.id)).fetchHistory();
      // Bytes as text, so a number stored in the clear would show as the digits it is.
      const raw = JSON.stringify(history, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
      const sealed = collectPayloads(history);
      expect(sealed.length).toBeGreaterThan(10);
      const decoded = await new AesGcmPayloadCodec(keys).decode(sealed);
      const plain = decoded.map((p) => Buffer.from(p.data ?? new Uint8Array()).toString('utf8')).join('\n');
      expect(plain).toContain(tenant.id); // the decoding worked: the workflow's input names the tenant
      for (const text of [raw, plain]) expect(needles.filter((n) => text.includes(n))).toEqual([]);
      // The proposer's e-mail and name never entered the history either.
      expect(plain.includes('karen.madsen@example.dk') || plain.includes('Karen Madsen')).toBe(false);
    });
  } finally {
    await dispatcher.stop();
  }
});
