// The identity services of a running platform, built once from the database and the master keys.
import type { NamedKey } from '../crypto/key-spec';
import { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import { PersonalNumbers } from './personal-numbers';
import { SamlReplayGuard } from './saml-replay';
import type { TestIdps } from './saml/test-idps';
import { ServiceProviders } from './service-providers';
import { Sessions } from './sessions';
import { Users } from './users';

export interface Identity {
  db: Database;
  keyring: Keyring;
  users: Users;
  sessions: Sessions;
  serviceProviders: ServiceProviders;
  replayGuard: SamlReplayGuard;
  /** Present only when TEST_IDP=on (never in production); set once the server knows its port. */
  testIdps?: TestIdps | undefined;
}

export function createIdentity(db: Database, masterKeys: NamedKey[], testIdps?: TestIdps): Identity {
  const keyring = new Keyring(db, masterKeys);
  return {
    db,
    keyring,
    users: new Users(db, keyring, new PersonalNumbers(keyring)),
    sessions: new Sessions(db),
    serviceProviders: new ServiceProviders(db, keyring),
    replayGuard: new SamlReplayGuard(db),
    ...(testIdps ? { testIdps } : {}),
  };
}
