// Reads the environment once, validates it against schemas/config.schema.json (the one place every
// variable is documented) and refuses to start on a bad value, naming each offending variable.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import configSchema from '../schemas/config.schema.json';
import type { Config as RawConfig } from '../schemas/types/config';
import { createAjv, toFieldErrors } from '../forms/validation';

export type Config = Readonly<RawConfig & { rootDir: string }>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}\nSee README.md, "Configuration".`);
    this.name = 'ConfigError';
  }
}

const INTEGER_KEYS = new Set(
  Object.entries(configSchema.properties)
    .filter(([, p]) => 'type' in p && p.type === 'integer')
    .map(([k]) => k),
);

export const rootDir = resolve(__dirname, '..');

function expandPath(p: string): string {
  const home = p.startsWith('~/') ? homedir() + p.slice(1) : p;
  return isAbsolute(home) ? home : resolve(rootDir, home);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.properties)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    // Only integers are coerced; a typo like PORT=30o0 must fail, not become NaN.
    raw[key] = INTEGER_KEYS.has(key) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  const validate = createAjv({ useDefaults: true }).compile<RawConfig>(configSchema);
  if (!validate(raw)) {
    throw new ConfigError(toFieldErrors(validate.errors).map((e) => `${e.field.slice(1)}: ${e.message}`));
  }
  const config = {
    ...raw,
    rootDir,
    DATA_DIR: expandPath(raw.DATA_DIR),
    TOOLS_CACHE_DIR: expandPath(raw.TOOLS_CACHE_DIR),
    ...(raw.LOG_DIR ? { LOG_DIR: expandPath(raw.LOG_DIR) } : {}),
    ...Object.fromEntries(TEMPORAL_TLS_FILE_KEYS.flatMap((key) => (raw[key] ? [[key, expandPath(raw[key])]] : []))),
  };
  // A channel's URL needs its credentials (the simulators make their own).
  const problems = [
    config.DIGITAL_POST_URL && !(config.DIGITAL_POST_USER && config.DIGITAL_POST_PASSWORD) ? 'DIGITAL_POST_USER, DIGITAL_POST_PASSWORD: required with DIGITAL_POST_URL' : null,
    config.SMS_URL && !config.SMS_TOKEN ? 'SMS_TOKEN: required with SMS_URL' : null,
    ...temporalConnectionProblems(config),
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) throw new ConfigError(problems);
  refuseDevelopmentConveniencesInProduction(config, env);
  return Object.freeze(config);
}

// --- The connection to TEMPORAL_ADDRESS: TLS, a client certificate, an API key (engine/temporal/connection-options.ts).

const TEMPORAL_TLS_FILE_KEYS = ['TEMPORAL_TLS_CA_FILE', 'TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_KEY_FILE'] as const;
/** The settings that only make sense over TLS: any of them given turns TLS on unless TEMPORAL_TLS says off. */
const TEMPORAL_TLS_SETTINGS = [...TEMPORAL_TLS_FILE_KEYS, 'TEMPORAL_TLS_SERVER_NAME', 'TEMPORAL_API_KEY'] as const;
type TemporalTlsSettings = Pick<RawConfig, 'TEMPORAL_ADDRESS' | 'TEMPORAL_TLS' | (typeof TEMPORAL_TLS_SETTINGS)[number]>;

/** Whether the connection to TEMPORAL_ADDRESS uses TLS: TEMPORAL_TLS when set, else whether any TLS setting or the API key is given. */
export function temporalTlsEnabled(config: TemporalTlsSettings): boolean {
  if (config.TEMPORAL_TLS) return config.TEMPORAL_TLS === 'on';
  return TEMPORAL_TLS_SETTINGS.some((key) => config[key] !== undefined);
}

function temporalConnectionProblems(config: TemporalTlsSettings): string[] {
  const problems: string[] = [];
  const given = TEMPORAL_TLS_SETTINGS.filter((key) => config[key] !== undefined);
  if (!config.TEMPORAL_ADDRESS) {
    // Without an address the project starts its own dev server, which speaks plain gRPC: the settings would be ignored.
    const tlsSettings = [...(config.TEMPORAL_TLS === 'on' ? ['TEMPORAL_TLS'] : []), ...given];
    for (const key of tlsSettings) problems.push(`${key}: needs TEMPORAL_ADDRESS (without it the project starts its own Temporal dev server, which speaks plain gRPC)`);
  }
  if (config.TEMPORAL_TLS === 'off') {
    for (const key of given) problems.push(`${key}: needs TLS, but TEMPORAL_TLS is off (set it to on, or leave it unset)${key === 'TEMPORAL_API_KEY' ? '; an API key is never sent unencrypted' : ''}`);
  }
  if (config.TEMPORAL_TLS_CERT_FILE && !config.TEMPORAL_TLS_KEY_FILE) problems.push("TEMPORAL_TLS_KEY_FILE: required with TEMPORAL_TLS_CERT_FILE (the client certificate's private key)");
  if (config.TEMPORAL_TLS_KEY_FILE && !config.TEMPORAL_TLS_CERT_FILE) problems.push('TEMPORAL_TLS_CERT_FILE: required with TEMPORAL_TLS_KEY_FILE (the certificate of that private key)');
  return [...problems, ...temporalTlsFileProblems(config)];
}

/** Each file read and parsed now, so a wrong path or a wrong file stops the start here, not at the first TLS handshake. */
function temporalTlsFileProblems(config: TemporalTlsSettings): string[] {
  const problems: string[] = [];
  const caFile = config.TEMPORAL_TLS_CA_FILE;
  if (caFile) pemCertificates('TEMPORAL_TLS_CA_FILE', caFile, problems);
  const certFile = config.TEMPORAL_TLS_CERT_FILE;
  const clientCertificate = certFile ? pemCertificates('TEMPORAL_TLS_CERT_FILE', certFile, problems)?.[0] : undefined;
  const keyFile = config.TEMPORAL_TLS_KEY_FILE;
  const clientKey = keyFile ? pemPrivateKey('TEMPORAL_TLS_KEY_FILE', keyFile, problems) : undefined;
  if (clientCertificate && new Date(clientCertificate.validTo).getTime() < Date.now()) {
    problems.push(`TEMPORAL_TLS_CERT_FILE: the client certificate expired on ${clientCertificate.validTo}: ${certFile}`);
  }
  if (clientCertificate && clientKey && !clientCertificate.checkPrivateKey(clientKey)) {
    problems.push(`TEMPORAL_TLS_KEY_FILE: not the private key of the certificate in TEMPORAL_TLS_CERT_FILE: ${keyFile}`);
  }
  return problems;
}

function readSettingFile(key: string, path: string, problems: string[]): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : `cannot be read (${code ?? String(err)})`;
    problems.push(`${key}: ${why}: ${path}`);
    return undefined;
  }
}

/** The certificates of a PEM file (a CA bundle may hold several; a client certificate file its chain, leaf first). */
function pemCertificates(key: string, path: string, problems: string[]): X509Certificate[] | undefined {
  const text = readSettingFile(key, path, problems);
  if (text === undefined) return undefined;
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (!blocks) {
    problems.push(`${key}: not a PEM certificate (no -----BEGIN CERTIFICATE----- block): ${path}`);
    return undefined;
  }
  try {
    return blocks.map((block) => new X509Certificate(block));
  } catch (err) {
    problems.push(`${key}: a certificate in it cannot be parsed (${(err as Error).message}): ${path}`);
    return undefined;
  }
}

function pemPrivateKey(key: string, path: string, problems: string[]): KeyObject | undefined {
  const text = readSettingFile(key, path, problems);
  if (text === undefined) return undefined;
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(text)) {
    problems.push(`${key}: the private key is encrypted; give it unencrypted (Temporal's SDK takes no passphrase): ${path}`);
    return undefined;
  }
  try {
    return createPrivateKey({ key: text, format: 'pem' });
  } catch {
    problems.push(`${key}: not a PEM private key (-----BEGIN PRIVATE KEY-----): ${path}`);
    return undefined;
  }
}

function refuseDevelopmentConveniencesInProduction(config: Config, env: NodeJS.ProcessEnv): void {
  if (config.NODE_ENV !== 'production') return;
  const problems: string[] = [];
  if (!config.DATABASE_URL) problems.push('DATABASE_URL: required in production (no embedded PostgreSQL)');
  if (!config.TEMPORAL_ADDRESS) problems.push('TEMPORAL_ADDRESS: required in production (no dev server)');
  if (!config.TEMPORAL_CODEC_KEYS) problems.push('TEMPORAL_CODEC_KEYS: required in production (no generated keys)');
  if (!config.DATA_MASTER_KEYS) problems.push('DATA_MASTER_KEYS: required in production (no generated keys)');
  if (!env.DATABASE_APP_URL && !env.DATABASE_APP_PASSWORD) problems.push('DATABASE_APP_PASSWORD: required in production');
  if (config.TEST_IDP !== 'off') problems.push('TEST_IDP: the test IdP must be off in production');
  if (!config.SMTP_URL) problems.push('SMTP_URL: required in production (no development outbox)');
  if ((config.DIGITAL_POST_URL || config.SMS_URL) && !config.CHANNEL_CALLBACK_SECRET) problems.push('CHANNEL_CALLBACK_SECRET: required in production with DIGITAL_POST_URL or SMS_URL (receipts are signed with it)');
  if (config.SMS_URL && !config.PUBLIC_CALLBACK_ORIGIN) problems.push('PUBLIC_CALLBACK_ORIGIN: required in production with SMS_URL (where the gateway posts its delivery reports)');
  if (problems.length > 0) throw new ConfigError(problems);
}
