// The three local test IdPs (one per profile) of a running platform. Development keeps their keys in
// DATA_DIR so metadata stays stable across restarts; tests make fresh keys per run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Country } from '../../db/models';
import type { Site } from '../../db/database';
import { selfSignedCertificate, type KeyPairWithCertificate } from '../certificates';
import type { IdpProfile } from './profiles';
import { TestIdentityProvider } from './test-idp';

export const PROFILES: IdpProfile[] = ['nemlogin', 'sweden-connect', 'municipal-sso'];

/** Which IdP a tenant's site logs in with: employees through municipal SSO, citizens through their country's e-ID. */
export function profileFor(site: Site, country: Country): IdpProfile {
  if (site === 'admin') return 'municipal-sso';
  return country === 'DK' ? 'nemlogin' : 'sweden-connect';
}

type Keys = Record<IdpProfile, { signing: KeyPairWithCertificate; encryption: KeyPairWithCertificate }>;

async function makeKeys(): Promise<Keys> {
  const entries = await Promise.all(
    PROFILES.map(async (p) => [p, { signing: await selfSignedCertificate(`Tingvalla test IdP ${p} signing`), encryption: await selfSignedCertificate(`Tingvalla test IdP ${p} encryption`) }] as const),
  );
  return Object.fromEntries(entries) as Keys;
}

export class TestIdps {
  private constructor(
    readonly origin: string,
    private readonly idps: Map<IdpProfile, TestIdentityProvider>,
  ) {}

  /** `keysFile` keeps the keys across restarts (development); without it they are made fresh. */
  static async create(origin: string, keysFile?: string): Promise<TestIdps> {
    let keys: Keys;
    if (keysFile && existsSync(keysFile)) keys = JSON.parse(readFileSync(keysFile, 'utf8')) as Keys;
    else {
      keys = await makeKeys();
      if (keysFile) {
        mkdirSync(join(keysFile, '..'), { recursive: true });
        writeFileSync(keysFile, JSON.stringify(keys), { mode: 0o600 });
      }
    }
    return new TestIdps(origin, new Map(PROFILES.map((p) => [p, new TestIdentityProvider(p, `${origin}/${p}`, keys[p])])));
  }

  get(profile: IdpProfile): TestIdentityProvider {
    return this.idps.get(profile)!;
  }
}
