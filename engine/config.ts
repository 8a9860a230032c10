// Reads the environment once, validates it against schemas/config.schema.json (the one place every
// variable is documented) and refuses to start on a bad value, naming each offending variable.
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
  const config = { ...raw, rootDir, DATA_DIR: expandPath(raw.DATA_DIR), TOOLS_CACHE_DIR: expandPath(raw.TOOLS_CACHE_DIR) };
  // A channel's URL needs its credentials (the simulators make their own).
  const missing = [
    config.DIGITAL_POST_URL && !(config.DIGITAL_POST_USER && config.DIGITAL_POST_PASSWORD) ? 'DIGITAL_POST_USER, DIGITAL_POST_PASSWORD: required with DIGITAL_POST_URL' : null,
    config.SMS_URL && !config.SMS_TOKEN ? 'SMS_TOKEN: required with SMS_URL' : null,
  ].filter((p): p is string => p !== null);
  if (missing.length > 0) throw new ConfigError(missing);
  refuseDevelopmentConveniencesInProduction(config, env);
  return Object.freeze(config);
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
