import type { Actor } from '../actors';
import type { Site } from '../db/database';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by resolveTenant from the host name; absent only on host-independent routes (/healthz, /readyz). */
      tenant?: { id: string; site: Site };
      /** Set by resolveActor. */
      actor?: Actor;
    }
  }
}

export {};
