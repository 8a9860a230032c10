// The civil registries of a running platform: the configured service (REGISTRY_URL), or outside production the
// local simulator (engine/simulators/registry-server.ts) started as its own HTTP service. DK tenants use the CPR
// protocol, SE tenants Navet; both under one base URL today (per-tenant registries come with the real ones).
import type { Logger } from 'pino';
import { ConfigError, type Config } from '../config';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import type { Country } from '../db/models';
import { startRegistrySimulator, type RegistrySimulator } from '../simulators/registry-server';
import { AuditedRegistry } from './audited';
import { CprClient } from './cpr-client';
import type { RegistryClientOptions } from './http';
import { NavetClient } from './navet-client';
import type { CivilRegistries, CivilRegistry } from './types';

export type { CivilRegistries, CivilRegistry, LookupOptions, RegistryPerson, RegistryPurpose } from './types';
export { AuditedRegistry, lookupAudited, lookupManyAudited } from './audited';
export { CprClient } from './cpr-client';
export { NavetClient } from './navet-client';

export function createCivilRegistries(opts: RegistryClientOptions): CivilRegistries {
  const byCountry: Record<Country, CivilRegistry> = { DK: new CprClient(opts), SE: new NavetClient(opts) };
  return { for: (country) => byCountry[country] };
}

export interface PlatformRegistry {
  registry?: AuditedRegistry;
  /** The local simulator, when the platform started one (no REGISTRY_URL, not production). */
  simulator?: RegistrySimulator;
}

/** The registry the platform's modules get: REGISTRY_URL's, or the simulator outside production, or none. */
export async function startCivilRegistry(config: Config, deps: { db: Database; keyring: Keyring; logger: Logger }): Promise<PlatformRegistry> {
  if (config.REGISTRY_URL) {
    if (!config.REGISTRY_USER || !config.REGISTRY_PASSWORD) throw new ConfigError(['REGISTRY_USER, REGISTRY_PASSWORD: required with REGISTRY_URL']);
    const credentials = { user: config.REGISTRY_USER, password: config.REGISTRY_PASSWORD };
    return { registry: new AuditedRegistry({ db: deps.db, keyring: deps.keyring, registries: createCivilRegistries({ baseUrl: config.REGISTRY_URL, credentials, logger: deps.logger }) }) };
  }
  if (config.NODE_ENV === 'production') return {};
  const simulator = await startRegistrySimulator({ port: config.DEV_REGISTRY_PORT ?? 0 });
  deps.logger.info({ url: simulator.url }, 'civil-registry simulator started (no REGISTRY_URL)');
  const registries = createCivilRegistries({ baseUrl: simulator.url, credentials: simulator.credentials, logger: deps.logger });
  return { registry: new AuditedRegistry({ db: deps.db, keyring: deps.keyring, registries }), simulator };
}
