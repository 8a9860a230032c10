// Wires the running platform together: database pool, Temporal client and worker, the flow outbox dispatcher,
// HTTP server, and the housekeeping workflow of every tenant. `npm start` and the browser/integration tests both use it.
// One process runs it all (role `all`), or the parts run apart (production): `api` processes serve HTTP and never
// poll a task queue; `worker` processes run the Temporal worker, the outbox dispatcher, the modules' resumers and
// the housekeeping, and serve nothing but /healthz and /readyz. Why apart: under a rush the API's event loop must
// not also run the flows its requests start (bench:signup), and each part scales on its own.
import type { Module } from './modules/module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { Database } from './db/database';
import type { Express } from 'express';
import express from 'express';
import { createApp, testIdpHost } from './http/app';
import { healthRouter, workerRunning, type ReadinessCheck } from './http/routes/health';
import { createIdentity, type Identity } from './identity';
import { TestIdps } from './identity/saml/test-idps';
import { loadMasterKeys } from './crypto/master-keys';
import { join } from 'node:path';
import { connectTemporal } from './temporal/client';
import { temporalConnectionOptions } from './temporal/connection-options';
import { AesGcmPayloadCodec } from './temporal/codec';
import { ensureHousekeeping } from './temporal/housekeeping';
import { loadCodecKeys } from './temporal/keys';
import { createWorker } from './temporal/worker';
import { startResumers } from './temporal/module-workflows';
import { MODULES } from './modules';
import { DevOutbox } from './dev/smtp-outbox';
import { EmailChannel, type Channels } from './messages/channels';
import { startMessageChannels, type PlatformChannels } from './messages/platform-channels';
import { OutboxDispatcher } from './flows/outbox/dispatcher';
import { startCivilRegistry, type AuditedRegistry } from './registry';
import type { RegistrySimulator } from './simulators/registry-server';

export interface PlatformOptions {
  config: Config;
  appUrl: string;
  /** TEMPORAL_ADDRESS (reached with its TLS settings and API key), or a Temporal the caller started itself (plain gRPC). */
  temporalAddress: string;
  /** Tenants whose housekeeping workflow must be running. */
  tenantIds: string[];
  workflowBundlePath?: string;
  logger?: Logger;
  /** The Temporal Web UI (served under /temporal) that admin sites proxy for operators. */
  temporalUiUrl?: string;
  /** Port to listen on; 0 picks a free one (tests). */
  port?: number;
  /**
   * The flow outbox dispatcher: `all` rows of every tenant (default), only the rows this process wrote (test
   * platforms, which share one database but each run their own task queue), or `off` (tests of a crash).
   * The modules' workflow resumers (Module.resumeWorkflows) follow it: every tenant, only `tenantIds`, or none.
   */
  dispatcher?: 'all' | 'rowsWrittenHere' | 'off';
  /** The installed modules, when a test adds one of its own to engine/modules/index.ts's list. */
  modules?: readonly Module[];
  /** What this process runs (see above); `all` by default. */
  role?: PlatformRole;
}

export type PlatformRole = 'all' | 'api' | 'worker';

export interface Platform {
  /** The Express application (its route table is read by the fuzz suite). */
  app: Express;
  db: Database;
  identity: Identity;
  client: Client;
  role: PlatformRole;
  /** The Temporal worker (not in an `api` process). */
  worker?: Worker;
  server: Server;
  port: number;
  logger: Logger;
  /** The development SMTP server, when no SMTP_URL is configured (never in production). */
  outbox?: DevOutbox;
  /** Delivers the flow outbox to Temporal (engine/flows/outbox/), unless switched off. */
  dispatcher?: OutboxDispatcher;
  /** The civil registry (REGISTRY_URL's, or the simulator's), every lookup audited; absent in production without REGISTRY_URL. */
  registry?: AuditedRegistry;
  /** The local civil-registry simulator, when no REGISTRY_URL is configured (never in production). */
  registrySimulator?: RegistrySimulator;
  /** Every message channel (e-mail, Digital Post, SMS), and the Digital Post / SMS simulators outside production. */
  channels: Channels;
  messageChannels: PlatformChannels;
  stop(): Promise<void>;
}

export async function startPlatform(opts: PlatformOptions): Promise<Platform> {
  const { config } = opts;
  const role = opts.role ?? 'all';
  const logger = opts.logger ?? pino({ level: config.LOG_LEVEL });
  const keys = loadCodecKeys(config);
  const db = Database.connect(opts.appUrl);
  await db.ping();
  const temporalConnection = temporalConnectionOptions(config, opts.temporalAddress);
  const client = await connectTemporal({ ...temporalConnection, namespace: config.TEMPORAL_NAMESPACE, keys });
  const identity = createIdentity(db, loadMasterKeys(config));
  // E-mail: the configured SMTP server, or outside production a local one whose messages the admin site shows.
  const outbox = !config.SMTP_URL && config.NODE_ENV !== 'production' ? await DevOutbox.start(join(config.DATA_DIR, 'outbox'), config.DEV_SMTP_PORT ?? 2525) : undefined;
  const smtpUrl = config.SMTP_URL ?? outbox?.url;
  const email = smtpUrl ? new EmailChannel(smtpUrl, config.MAIL_FROM ?? 'Tingvalla <no-reply@tingvalla.localhost>') : undefined;
  // Links in messages (a proposer's confirmation link) point at the tenant's public host: https in production
  // (behind the proxy), else this server's own scheme and port, known once it listens.
  let listeningPort = opts.port ?? config.PORT;
  const publicOrigin = (host: string) => (config.NODE_ENV === 'production' ? `https://${host}` : `http://${host}:${listeningPort}`);
  // The civil registry: the configured one, or outside production the local simulator as its own HTTP service.
  const { registry, simulator: registrySimulator } = await startCivilRegistry(config, { db, keyring: identity.keyring, logger });
  // Digital Post and SMS: the configured services, or outside production their simulators (receipts come back to this server).
  const messageChannels = await startMessageChannels(config, logger);
  const channels: Channels = { ...messageChannels.channels, ...(email ? { email } : {}) };
  const worker =
    role === 'api'
      ? undefined
      : await createWorker({
          connectionOptions: temporalConnection,
          namespace: config.TEMPORAL_NAMESPACE,
          taskQueue: config.TEMPORAL_TASK_QUEUE,
          keys,
          deps: { db, keyring: identity.keyring, channels, ...(registry ? { registry } : {}), publicOrigin: (host) => publicOrigin(host) },
          ...(opts.workflowBundlePath ? { workflowBundlePath: opts.workflowBundlePath } : {}),
          ...(opts.modules ? { modules: opts.modules } : {}),
          ...(config.TEMPORAL_MAX_CACHED_WORKFLOWS ? { maxCachedWorkflows: config.TEMPORAL_MAX_CACHED_WORKFLOWS } : {}),
        });
  const workerRun = worker?.run();
  if (worker) for (const tenantId of opts.tenantIds) await ensureHousekeeping(client, config.TEMPORAL_TASK_QUEUE, tenantId);
  const resumers =
    !worker || (opts.dispatcher ?? 'all') === 'off'
      ? undefined
      : startResumers(opts.modules ?? MODULES, { db, temporal: { client, taskQueue: config.TEMPORAL_TASK_QUEUE }, logger }, opts.dispatcher === 'rowsWrittenHere' ? { tenantIds: opts.tenantIds } : {});
  const dispatcher =
    !worker || (opts.dispatcher ?? 'all') === 'off'
      ? undefined
      : OutboxDispatcher.start({ db, listenUrl: opts.appUrl, temporal: { client, taskQueue: config.TEMPORAL_TASK_QUEUE }, logger, onlyRowsWrittenHere: opts.dispatcher === 'rowsWrittenHere' });
  const readiness: ReadinessCheck[] = [
    { name: 'database', check: () => db.ping() },
    { name: 'temporal', check: async () => void (await client.connection.workflowService.getSystemInfo({})) },
    ...(worker ? [{ name: 'worker', check: workerRunning(worker) }] : []),
  ];
  const app =
    role === 'worker'
      ? healthOnlyApp(readiness)
      : createApp({
        ...(opts.modules ? { modules: opts.modules } : {}),
        config,
        db,
        identity,
        logger,
        codec: new AesGcmPayloadCodec(keys),
        flows: { client, taskQueue: config.TEMPORAL_TASK_QUEUE },
        ...(outbox ? { outbox } : {}),
        ...(registry ? { registry } : {}),
        channelCallbacks: { delivery: { db, channels, keyring: identity.keyring }, secret: messageChannels.callbackSecret },
        simulatorOutboxes: { ...(messageChannels.digitalPostSimulator ? { digitalPost: messageChannels.digitalPostSimulator } : {}), ...(messageChannels.smsSimulator ? { sms: messageChannels.smsSimulator } : {}) },
        ...(opts.temporalUiUrl ?? config.TEMPORAL_UI_URL ? { temporalUiUrl: opts.temporalUiUrl ?? config.TEMPORAL_UI_URL } : {}),
        readiness,
      });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port ?? config.PORT, '127.0.0.1', () => resolve(s)).once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  listeningPort = port;
  // A worker takes no callbacks: the receipts of what it sends go to the API (PUBLIC_CALLBACK_ORIGIN).
  messageChannels.listening(role === 'worker' && config.PUBLIC_CALLBACK_ORIGIN ? config.PUBLIC_CALLBACK_ORIGIN : `http://127.0.0.1:${port}`);
  if (config.TEST_IDP === 'on' && role !== 'worker') {
    // The test IdP's URLs include the port, known only now; development keeps its keys across restarts.
    const keysFile = config.NODE_ENV === 'development' ? join(config.DATA_DIR, 'test-idp-keys.json') : undefined;
    identity.testIdps = await TestIdps.create(`http://${testIdpHost(config)}:${port}`, keysFile);
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await dispatcher?.stop();
      await resumers?.stop();
      if (worker?.getState() === 'RUNNING') worker.shutdown();
      await workerRun?.catch((err: unknown) => logger.error({ err }, 'worker stopped with an error'));
      await client.connection.close();
      email?.close();
      await outbox?.stop();
      await registrySimulator?.stop();
      await messageChannels.stop();
      await db.close();
    })());
  return { app, db, identity, client, role, ...(worker ? { worker } : {}), server, port, logger, stop, channels, messageChannels, ...(outbox ? { outbox } : {}), ...(dispatcher ? { dispatcher } : {}), ...(registry ? { registry } : {}), ...(registrySimulator ? { registrySimulator } : {}) };
}

/** A worker's HTTP: /healthz and /readyz, and 404 for anything else. */
function healthOnlyApp(readiness: ReadinessCheck[]): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRouter(readiness));
  app.use((_req, res) => void res.status(404).type('text/plain').send('A worker process serves only /healthz and /readyz.'));
  return app;
}
