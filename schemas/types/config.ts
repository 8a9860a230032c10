/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Tingvalla's configuration, read once from the environment at start. Every variable is optional in development; production refuses to start without the ones marked required there.
 */
export interface Config {
  /**
   * Mode. Production refuses development conveniences (embedded services, generated keys, the development actor).
   */
  NODE_ENV: "development" | "test" | "production";
  /**
   * HTTP port serving the API and both sites of every tenant.
   */
  PORT: number;
  /**
   * Folder for the embedded PostgreSQL cluster, the Temporal dev server's SQLite file and generated development keys.
   */
  DATA_DIR: string;
  /**
   * Folder outside the repo for the Temporal CLI and the Java test server, built or fetched once and reused.
   */
  TOOLS_CACHE_DIR: string;
  /**
   * Domain under which demo tenants get their host names: <slug>.<domain> and admin.<slug>.<domain>.
   */
  BASE_DOMAIN: string;
  /**
   * PostgreSQL URL of the owner role that runs migrations. Unset: an embedded PostgreSQL 18 server is started under DATA_DIR.
   */
  DATABASE_URL?: string;
  /**
   * PostgreSQL URL the application uses (role tingvalla_app, subject to row-level security). Unset: derived from DATABASE_URL with user tingvalla_app and DATABASE_APP_PASSWORD.
   */
  DATABASE_APP_URL?: string;
  /**
   * Password set for role tingvalla_app when it is created or migrated. Required (not the default) in production.
   */
  DATABASE_APP_PASSWORD: string;
  /**
   * Port of the embedded PostgreSQL server (development only).
   */
  EMBEDDED_PG_PORT: number;
  /**
   * host:port of the Temporal frontend. Unset: the Temporal CLI dev server is started (SQLite under DATA_DIR).
   */
  TEMPORAL_ADDRESS?: string;
  /**
   * Connect to TEMPORAL_ADDRESS over TLS. Unset: on when TEMPORAL_TLS_CA_FILE, TEMPORAL_TLS_CERT_FILE, TEMPORAL_TLS_KEY_FILE, TEMPORAL_TLS_SERVER_NAME or TEMPORAL_API_KEY is set, else off. Needs TEMPORAL_ADDRESS (the dev server the project starts speaks plain gRPC); off together with any of those settings is refused.
   */
  TEMPORAL_TLS?: "off" | "on";
  /**
   * PEM file of the CA certificate(s) the Temporal frontend's certificate is checked against (a private CA). Unset: the system's trusted roots (enough for Temporal Cloud). A relative path is taken from the repository folder. Implies TLS.
   */
  TEMPORAL_TLS_CA_FILE?: string;
  /**
   * PEM file of the client certificate for mutual TLS (a Temporal Cloud mTLS namespace, or a cluster that requires client certificates); required with TEMPORAL_TLS_KEY_FILE. Implies TLS.
   */
  TEMPORAL_TLS_CERT_FILE?: string;
  /**
   * PEM file of the unencrypted private key of TEMPORAL_TLS_CERT_FILE; required with it.
   */
  TEMPORAL_TLS_KEY_FILE?: string;
  /**
   * Host name expected in the Temporal frontend's certificate and sent as SNI, when it differs from the host of TEMPORAL_ADDRESS (an IP address, a load balancer). Unset: that host. Implies TLS.
   */
  TEMPORAL_TLS_SERVER_NAME?: string;
  /**
   * API key of a Temporal Cloud API-key namespace (or a cluster with a bearer-token authorizer), sent as 'Authorization: Bearer' on every call, with TEMPORAL_NAMESPACE in the temporal-namespace header. Implies TLS. Never logged.
   */
  TEMPORAL_API_KEY?: string;
  /**
   * Temporal namespace of all Tingvalla workflows.
   */
  TEMPORAL_NAMESPACE: string;
  /**
   * Task queue the worker polls.
   */
  TEMPORAL_TASK_QUEUE: string;
  /**
   * How many processes `npm run start:api` (the api role) runs on PORT. More than one: a primary process (node:cluster) shares the port among them, hands each new connection to the next, and replaces one that dies — for the cores of one machine; more machines are more start:api behind a load balancer. Each process has its own pool of database connections.
   */
  API_PROCESSES: number;
  /**
   * How many running workflows a worker keeps in memory between their tasks. A workflow not kept is replayed from its history at its next task. Unset: the Temporal SDK's default, which it derives from the heap limit (about 2,300 with Node's default heap); a worker whose flows wake in large numbers at once (the task reminders of an election) wants room for all of them, and heap to match (NODE_OPTIONS=--max-old-space-size).
   */
  TEMPORAL_MAX_CACHED_WORKFLOWS?: number;
  /**
   * gRPC port of the Temporal dev server started by the project.
   */
  TEMPORAL_DEV_PORT: number;
  /**
   * Web UI port of the Temporal dev server started by the project.
   */
  TEMPORAL_DEV_UI_PORT: number;
  /**
   * Origin of a Temporal Web UI served under the path /temporal with its codec endpoint set to /codec, which the admin site proxies for operators. Unset: the dev server's UI when the project starts one, else no Web UI on the admin site.
   */
  TEMPORAL_UI_URL?: string;
  /**
   * Payload encryption keys as id:base64(32 bytes), comma-separated; the first encrypts, all decrypt. Unset in development: generated once under DATA_DIR. Required in production.
   */
  TEMPORAL_CODEC_KEYS?: string;
  /**
   * Master keys that wrap each tenant's data keys (personal numbers, later voter hashes), as id:base64(32 bytes), comma-separated; the first wraps, all unwrap. Unset in development: generated once under DATA_DIR. Required in production.
   */
  DATA_MASTER_KEYS?: string;
  /**
   * Development and tests only: serve the local SAML test IdP (NemLog-in, Sweden Connect and municipal SSO look-alikes with synthetic people) and let tenants without a configured IdP trust it. npm start turns it on; refused in production.
   */
  TEST_IDP: "off" | "on";
  /**
   * Host name of the local test IdP. Unset: idp.<BASE_DOMAIN>.
   */
  TEST_IDP_HOST?: string;
  /**
   * SMTP server for e-mail (smtp://user:pass@host:port). Unset outside production: a local development SMTP server is started on DEV_SMTP_PORT and its messages are shown in the admin site's development outbox.
   */
  SMTP_URL?: string;
  /**
   * Port of the development SMTP server (0: any free port).
   */
  DEV_SMTP_PORT?: number;
  /**
   * Sender of e-mail the platform sends.
   */
  MAIL_FROM?: string;
  /**
   * Base URL of the civil-registry service: the Danish CPR lookup under /cpr/ for DK tenants, the Swedish population register (Navet) under /navet/ for SE tenants. Unset outside production: the local registry simulator (synthetic people of engine/simulators/test-people.json) is started on DEV_REGISTRY_PORT. Unset in production: no registry.
   */
  REGISTRY_URL?: string;
  /**
   * User (CPR: HTTP Basic) and client_id (Navet) for REGISTRY_URL; required with it.
   */
  REGISTRY_USER?: string;
  /**
   * Password (CPR: HTTP Basic) and client_secret (Navet) for REGISTRY_URL; required with it.
   */
  REGISTRY_PASSWORD?: string;
  /**
   * Port of the civil-registry simulator started when REGISTRY_URL is unset (0: any free port; the start logs its URL).
   */
  DEV_REGISTRY_PORT?: number;
  /**
   * Base URL of the Digital Post service (MeMo documents posted to /memos with HTTP Basic). Unset outside production: the local Digital Post simulator is started on DEV_DIGITAL_POST_PORT (it refuses the test people of engine/simulators/digital-post-exempt.json). Unset in production: no Digital Post channel.
   */
  DIGITAL_POST_URL?: string;
  /**
   * HTTP Basic user for DIGITAL_POST_URL; required with it.
   */
  DIGITAL_POST_USER?: string;
  /**
   * HTTP Basic password for DIGITAL_POST_URL; required with it.
   */
  DIGITAL_POST_PASSWORD?: string;
  /**
   * The sender's CVR number in MeMo documents.
   */
  DIGITAL_POST_SENDER_ID?: string;
  /**
   * The sender's name in MeMo documents.
   */
  DIGITAL_POST_SENDER_NAME?: string;
  /**
   * Port of the Digital Post simulator started when DIGITAL_POST_URL is unset (0: any free port).
   */
  DEV_DIGITAL_POST_PORT?: number;
  /**
   * Base URL of the SMS gateway (POST /v1/messages with a bearer token; delivery reports come back to /api/callbacks/sms). Unset outside production: the local SMS gateway simulator is started on DEV_SMS_PORT (numbers ending in 99 are reported undeliverable). Unset in production: no SMS channel.
   */
  SMS_URL?: string;
  /**
   * Bearer token for SMS_URL; required with it.
   */
  SMS_TOKEN?: string;
  /**
   * The sender shown on text messages (up to 11 letters and digits, or a number).
   */
  SMS_SENDER?: string;
  /**
   * Port of the SMS gateway simulator started when SMS_URL is unset (0: any free port).
   */
  DEV_SMS_PORT?: number;
  /**
   * Shared secret the Digital Post service and the SMS gateway sign their delivery receipts with (x-signature: sha256=HMAC of the body). Required in production when DIGITAL_POST_URL or SMS_URL is set; outside production a random one is generated and given to the simulators.
   */
  CHANNEL_CALLBACK_SECRET?: string;
  /**
   * The origin the SMS gateway reaches this platform's callback routes at (production: the API host behind the proxy). Unset: this server's own address.
   */
  PUBLIC_CALLBACK_ORIGIN?: string;
  /**
   * pino log level.
   */
  LOG_LEVEL: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /**
   * Folder for the application log as files: JSON lines in tingvalla-YYYY-MM-DD.log (UTC day), a new file at midnight UTC, files older than LOG_RETENTION_DAYS deleted. A relative path is taken from the repository folder. Unset: the log goes to stdout only.
   */
  LOG_DIR?: string;
  /**
   * Days the day files in LOG_DIR are kept (183: six months); older ones are deleted at start and at each midnight.
   */
  LOG_RETENTION_DAYS: number;
}
