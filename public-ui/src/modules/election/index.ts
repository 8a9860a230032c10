// Election staffing on the public site: the page a task link opens (a poster's QR code, a link sent to a team),
// showing the vacant tasks the link offers; the election's front page, FAQ, privacy statement and contact; a team
// member's open team tasks. The pages load on demand; their paths are the server's Module.publicPages
// (engine/modules/election/public-pages.ts).
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../../../../forms/ui/QueryState';
import type { UiModule } from '../../../../forms/ui/modules';
import da from './locales/da.json';
import en from './locales/en.json';
import sv from './locales/sv.json';

function onDemand(load: () => Promise<ComponentType>): ComponentType {
  const Page = lazy(async () => ({ default: await load() }));
  return function ElectionPage() {
    return createElement(Suspense, { fallback: createElement(Loading) }, createElement(Page));
  };
}

const TaskLinkPage = onDemand(() => import('./TaskLinkPage').then((m) => m.TaskLinkPage));
// The sign-up wizard a task link's "choose this task" starts (signup/).
const SignupPage = onDemand(() => import('./signup/SignupPage').then((m) => m.SignupPage));
// The participant's own pages (me/): an invitation by its link, my tasks, my profile.
const InvitationPage = onDemand(() => import('./me/InvitationPage').then((m) => m.InvitationPage));
const MyTasksPage = onDemand(() => import('./me/MyTasksPage').then((m) => m.MyTasksPage));
const MyProfilePage = onDemand(() => import('./me/MyProfilePage').then((m) => m.MyProfilePage));
const ElectionProfileSection = onDemand(() => import('./me/ProfileSection').then((m) => m.ElectionProfileSection));
// The election's own pages from what the municipality wrote (site/), and a team member's open team tasks.
const HomePage = onDemand(() => import('./site/SitePages').then((m) => m.ElectionHomePage));
const ContactPage = onDemand(() => import('./site/SitePages').then((m) => m.ElectionContactPage));
const FaqPage = onDemand(() => import('./site/SitePages').then((m) => m.ElectionFaqPage));
const PrivacyPage = onDemand(() => import('./site/SitePages').then((m) => m.ElectionPrivacyPage));
const TeamTasksPage = onDemand(() => import('./site/TeamTasksPage').then((m) => m.TeamTasksPage));

// The responsibles' pages (responsibles/): my team, the team's task distribution, my work location.
const MyTeamPage = onDemand(() => import('./responsibles/MyTeamPage').then((m) => m.MyTeamPage));
const TeamDistributionPage = onDemand(() => import('./responsibles/TeamDistributionPage').then((m) => m.TeamDistributionPage));
const MyWorkLocationPage = onDemand(() => import('./responsibles/MyWorkLocationPage').then((m) => m.MyWorkLocationPage));
const ResponsiblesProfileSection = onDemand(() => import('./responsibles/ProfileSection').then((m) => m.ResponsiblesProfileSection));

export const election: UiModule = {
  name: 'election',
  // Each page's English path works on every tenant; a Danish or Swedish tenant's links use its own words
  // (the server's engine/modules/election/public-pages.ts has the same).
  pages: [
    { path: '/election/my-team', paths: { da: '/valg/mit-hold', sv: '/val/mitt-lag' }, key: 'myTeam', component: MyTeamPage },
    { path: '/election/my-team/distribution', paths: { da: '/valg/mit-hold/fordeling', sv: '/val/mitt-lag/fordelning' }, key: 'teamDistribution', component: TeamDistributionPage },
    { path: '/election/my-work-location', paths: { da: '/valg/mit-valgsted', sv: '/val/min-vallokal' }, key: 'myWorkLocation', component: MyWorkLocationPage },
    { path: '/election/tasks/:token', paths: { da: '/valg/opgaver/:token', sv: '/val/uppgifter/:token' }, key: 'taskLink', component: TaskLinkPage },
    { path: '/election/links/:token', key: 'taskLink', component: TaskLinkPage },
    { path: '/election/signup/:token', paths: { da: '/valg/tilmelding/:token', sv: '/val/anmalan/:token' }, key: 'signup', component: SignupPage },
    { path: '/election/invitations/:token', paths: { da: '/valg/invitation/:token', sv: '/val/inbjudan/:token' }, key: 'invitation', component: InvitationPage },
    { path: '/election/my-tasks', paths: { da: '/valg/mine-opgaver', sv: '/val/mina-uppdrag' }, key: 'myTasks', component: MyTasksPage },
    { path: '/election/my-profile', paths: { da: '/valg/min-profil', sv: '/val/min-profil' }, key: 'myProfile', component: MyProfilePage },
    { path: '/election', paths: { da: '/valg', sv: '/val' }, key: 'home', component: HomePage, nav: true },
    { path: '/election/contact', paths: { da: '/valg/kontakt', sv: '/val/kontakt' }, key: 'contact', component: ContactPage },
    { path: '/election/faq', paths: { da: '/valg/spoergsmaal-og-svar', sv: '/val/vanliga-fragor' }, key: 'faq', component: FaqPage },
    { path: '/election/privacy', paths: { da: '/valg/privatlivspolitik', sv: '/val/integritetspolicy' }, key: 'privacy', component: PrivacyPage },
    { path: '/election/team-tasks', paths: { da: '/valg/team-opgaver', sv: '/val/team-uppgifter' }, key: 'teamTasks', component: TeamTasksPage },
  ],
  // On the site's own "My profile": an election helper's tasks and the way to their election pages.
  profileSections: [ElectionProfileSection, ResponsiblesProfileSection],
  texts: { da, sv, en },
};
