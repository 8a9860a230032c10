// The module's page paths on the admin site, in one place (the pages link to each other by these; index.ts
// routes them; the server lists the same paths as the module's adminPages).
import type { ConfigKind } from './api';

export const ELECTION_PATHS = {
  overview: '/election/overview',
  rejections: '/election/rejections',
  links: '/election/links',
  exports: '/election/exports',
  groupMessages: '/election/group-messages',
  registryRefresh: '/election/registry-refresh',
  elections: '/election/elections',
  newElection: '/election/elections/new',
  participants: '/election/participants',
  config: '/election/config',
  site: '/election/config/site',
} as const;

/** A kind's list of configuration. */
export const configListPath = (kind: ConfigKind) => `${ELECTION_PATHS.config}/${kind}`;
/** A kind's form: `new` creates one, an id edits it. */
export const configItemPath = (kind: ConfigKind, id: string | 'new') => `${configListPath(kind)}/${encodeURIComponent(id)}`;
