// The election module's pages on the public site (Module.publicPages; public-ui/src/modules/election/ declares
// the same): each with its English path, which works on every tenant, and its Danish and Swedish paths, which a
// Danish or Swedish tenant's links and menus use. What the server links to (an invitation, a task link) is made
// here in the tenant's language.
import { localizedPagePath } from '../../http/page-paths';
import type { PublicPagePath } from '../module';

export const ELECTION_PUBLIC_PAGES = {
  /** The election's front page: the active election's text (election_site). */
  home: { path: '/election', paths: { da: '/valg', sv: '/val' } },
  contact: { path: '/election/contact', paths: { da: '/valg/kontakt', sv: '/val/kontakt' } },
  faq: { path: '/election/faq', paths: { da: '/valg/spoergsmaal-og-svar', sv: '/val/vanliga-fragor' } },
  privacy: { path: '/election/privacy', paths: { da: '/valg/privatlivspolitik', sv: '/val/integritetspolicy' } },
  /** A task link's page (a poster's QR code, a link sent to a team); `/election/links/:token` is its first address. */
  taskLink: { path: '/election/tasks/:token', paths: { da: '/valg/opgaver/:token', sv: '/val/uppgifter/:token' } },
  taskLinkFirst: '/election/links/:token',
  /** The sign-up wizard for a task a link offers (the link's token; the chosen group's ids in the query). */
  signup: { path: '/election/signup/:token', paths: { da: '/valg/tilmelding/:token', sv: '/val/anmalan/:token' } },
  /** An invitation's page (its link is sent to the invited person): accept with e-ID, or reject. */
  invitation: { path: '/election/invitations/:token', paths: { da: '/valg/invitation/:token', sv: '/val/inbjudan/:token' } },
  /** The logged-in participant's tasks and profile. */
  myTasks: { path: '/election/my-tasks', paths: { da: '/valg/mine-opgaver', sv: '/val/mina-uppdrag' } },
  myProfile: { path: '/election/my-profile', paths: { da: '/valg/min-profil', sv: '/val/min-profil' } },
  /** The open tasks of the teams a logged-in person is a member of. */
  teamTasks: { path: '/election/team-tasks', paths: { da: '/valg/team-opgaver', sv: '/val/team-uppgifter' } },
  /** The responsibles' pages: a team's members and invite link, the team's task distribution, a work location's staff. */
  myTeam: { path: '/election/my-team', paths: { da: '/valg/mit-hold', sv: '/val/mitt-lag' } },
  teamDistribution: { path: '/election/my-team/distribution', paths: { da: '/valg/mit-hold/fordeling', sv: '/val/mitt-lag/fordelning' } },
  myWorkLocation: { path: '/election/my-work-location', paths: { da: '/valg/mit-valgsted', sv: '/val/min-vallokal' } },
} satisfies Record<string, PublicPagePath>;

/** The address of an election page on the public site at `origin`, in the tenant's language. */
export function electionPageUrl(origin: string, englishPath: string, locale: 'da' | 'sv' | 'en'): string {
  return `${origin.replace(/\/+$/, '')}${localizedPagePath(Object.values(ELECTION_PUBLIC_PAGES), englishPath, locale)}`;
}
