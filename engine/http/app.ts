// The Express application: every tenant's API and both sites on one port.
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { NotFoundError } from '../errors';
import type { Identity } from '../identity';
import type { AesGcmPayloadCodec } from '../temporal/codec';
import { resolveActor } from './actor';
import type { FlowTemporal } from '../flows/workflows';
import type { DevOutbox } from '../dev/smtp-outbox';
import { MODULES } from '../modules';
import type { Module } from '../modules/module';
import { httpLogger } from './logging';
import { refuseUnsafeValues } from './json-body';
import { resolveTenant } from './tenancy';
import { problemHandler } from './problem';
import { translatedProblemPages } from './translated-problem-pages';
import { apiRouter } from './routes/api';
import { healthRouter, type ReadinessCheck } from './routes/health';
import { DEFINITION_BODY_LIMIT, isDefinitionBody } from './routes/forms';
import { largeBodyParsers } from './large-bodies';
import { operatorConsoleRouter } from './routes/operator-console';
import { samlRouter } from './routes/saml';
import { testIdpRouter } from './routes/test-idp';
import { sitesRouter } from './sites';
import { securityHeaderOptions, securityHeaders } from './security-headers';
import './types';
import type { AuditedRegistry } from '../registry/audited';
import type { DeliveryDeps } from '../messages/delivery';
import type { SimulatorOutboxes } from '../queries/dev-outbox';
import { channelCallbackRouter } from './routes/channel-callbacks';

export const JSON_BODY_LIMIT = '64kb';

export const testIdpHost = (config: Pick<Config, 'TEST_IDP_HOST' | 'BASE_DOMAIN'>): string => config.TEST_IDP_HOST ?? `idp.${config.BASE_DOMAIN}`;

/** Routes that answer on one host name only (the test IdP's), before tenant resolution. */
function onHost(host: string, router: RequestHandler): RequestHandler {
  return (req, res, next) => (req.hostname.toLowerCase() === host ? router(req, res, next) : next());
}

/** Cookies are Secure everywhere but plain-HTTP development and tests on *.localhost. */
export const secureCookies = (config: Pick<Config, 'NODE_ENV'>): boolean => config.NODE_ENV === 'production';

export interface AppDeps {
  config: Config;
  db: Database;
  identity: Identity;
  logger: Logger;
  readiness: ReadinessCheck[];
  codec: AesGcmPayloadCodec;
  /** The Temporal Web UI proxied for operators at /temporal on admin sites, when there is one. */
  temporalUiUrl?: string;
  /** Where flow workflows are started and reached. */
  flows: FlowTemporal;
  /** The development outbox, shown on admin sites when there is one. */
  outbox?: DevOutbox;
  /** The installed modules (engine/modules/index.ts unless a test adds one of its own). */
  modules?: readonly Module[];
  /** The civil registry, handed on to the modules' routes. */
  registry?: AuditedRegistry;
  /** Delivery receipts of Digital Post and SMS (engine/http/routes/channel-callbacks.ts). */
  channelCallbacks?: { delivery: DeliveryDeps; secret: string };
  /** The Digital Post and SMS simulators, shown in the development outbox. */
  simulatorOutboxes?: SimulatorOutboxes;
}

export function createApp({ config, db, identity, logger, readiness, codec, temporalUiUrl, flows, outbox, modules, registry, channelCallbacks, simulatorOutboxes }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(httpLogger(logger));
  app.use(securityHeaders(securityHeaderOptions(config.NODE_ENV)));
  app.use(healthRouter(readiness));
  // Receipts come from the channel providers, on no tenant's host.
  if (channelCallbacks) app.use(channelCallbackRouter({ ...channelCallbacks, logger }));
  if (config.TEST_IDP === 'on') app.use(onHost(testIdpHost(config), testIdpRouter(identity)));
  app.use(resolveTenant(db));
  app.use(samlRouter(identity, secureCookies(config), registry));
  // Only the API acts on behalf of someone: static files and pages need no session lookup (it writes last_seen).
  app.use(operatorConsoleRouter({ db, codec, actor: resolveActor(identity.sessions, 'sameOrigin'), ...(temporalUiUrl ? { temporalUiUrl } : {}) }));
  const smallJson = express.json({ limit: JSON_BODY_LIMIT });
  const definitionJson = express.json({ limit: DEFINITION_BODY_LIMIT });
  const largeBody = largeBodyParsers(modules ?? MODULES);
  const jsonBody: RequestHandler = (req, res, next) => (isDefinitionBody(req) ? definitionJson : (largeBody(req) ?? smallJson))(req, res, next);
  app.use('/api', resolveActor(identity.sessions), jsonBody, refuseUnsafeValues, apiRouter(db, identity, secureCookies(config), { flows, namespace: config.TEMPORAL_NAMESPACE, ...(outbox ? { outbox } : {}), ...(simulatorOutboxes ? { simulatorOutboxes } : {}), ...(modules ? { modules } : {}), ...(registry ? { registry } : {}) }), (_req, _res, next) => next(new NotFoundError()));
  app.use(sitesRouter(config.rootDir, db, config.NODE_ENV === 'production'));
  app.use((_req, _res, next) => next(new NotFoundError()));
  app.use(translatedProblemPages(db, config.rootDir));
  app.use(problemHandler);
  return app;
}

