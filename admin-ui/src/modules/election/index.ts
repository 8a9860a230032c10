// Election staffing on the admin site: the elections (and the one the site works in, chosen in every page's
// bar), the participants, and the configuration every election chooses from — areas, work locations, task types,
// teams, special diets, election types and the public site's pages. The pages load when first opened, each
// inside the module's shell (shell.tsx); their paths are the module's adminPages on the server
// (engine/modules/election/module.ts).
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import type { UiModule, UiPage } from '../../../../forms/ui/modules';
import { Loading } from '../../../../forms/ui/QueryState';
import da from './locales/da.json';
import en from './locales/en.json';
import sv from './locales/sv.json';

function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Page = lazy(async () => {
    const [{ ElectionShell }, Inner] = await Promise.all([import('./shell'), load()]);
    return { default: () => createElement(ElectionShell, null, createElement(Inner)) };
  });
  return function LazyPage() {
    return createElement(Suspense, { fallback: createElement(Loading) }, createElement(Page));
  };
}

const config = (path: string) => `/election/config${path}`;

const pages: UiPage[] = [
  { path: '/election/overview', key: 'overview', nav: true, component: lazyPage(() => import('./slots/OverviewPage').then((m) => m.default)) },
  { path: '/election/work-locations/:id/distribution', key: 'distribution', component: lazyPage(() => import('./slots/DistributePage').then((m) => m.default)) },
  { path: '/election/work-locations/:id/tasks', key: 'workLocationTasks', component: lazyPage(() => import('./slots/WorkLocationTasksPage').then((m) => m.default)) },
  { path: '/election/elections', key: 'elections', nav: true, component: lazyPage(() => import('./elections/ElectionsListPage').then((m) => m.default)) },
  { path: '/election/elections/new', key: 'newElection', component: lazyPage(() => import('./elections/ElectionWizard').then((m) => m.NewElectionPage)) },
  { path: '/election/elections/:id', key: 'election', component: lazyPage(() => import('./elections/ElectionPage').then((m) => m.default)) },
  { path: '/election/elections/:id/setup', key: 'electionSetup', component: lazyPage(() => import('./elections/ElectionWizard').then((m) => m.ElectionSetupPage)) },
  { path: '/election/participants', key: 'participants', nav: true, component: lazyPage(() => import('./participants/ParticipantsListPage').then((m) => m.default)) },
  { path: '/election/participants/new', key: 'newParticipant', component: lazyPage(() => import('./participants/NewParticipantPage').then((m) => m.default)) },
  { path: '/election/participants/:id', key: 'participant', component: lazyPage(() => import('./participants/ParticipantPage').then((m) => m.default)) },
  { path: '/election/rejections', key: 'rejections', nav: true, component: lazyPage(() => import('./slots/RejectionsPage').then((m) => m.default)) },
  { path: '/election/links', key: 'links', nav: true, component: lazyPage(() => import('./links/LinksPage').then((m) => m.default)) },
  { path: '/election/exports', key: 'exports', nav: true, component: lazyPage(() => import('./exports/ElectionSystemExportPage').then((m) => m.default)) },
  { path: '/election/retention', key: 'retention', nav: true, component: lazyPage(() => import('./retention/RetentionPage').then((m) => m.default)) },
  { path: '/election/group-messages', key: 'groupMessages', nav: true, component: lazyPage(() => import('./messages/GroupMessagesPage').then((m) => m.default)) },
  { path: '/election/registry-refresh', key: 'registryRefresh', nav: true, component: lazyPage(() => import('./refresh/RegistryRefreshPage').then((m) => m.default)) },
  { path: config(''), key: 'config', nav: true, component: lazyPage(() => import('./config/ConfigIndexPage').then((m) => m.ConfigIndexPage)) },
  { path: config('/areas'), key: 'areas', component: lazyPage(() => import('./config/simple-kinds').then((m) => m.AreasPage)) },
  { path: config('/areas/:id'), key: 'area', component: lazyPage(() => import('./config/simple-kinds').then((m) => m.AreaPage)) },
  { path: config('/work-locations'), key: 'workLocations', component: lazyPage(() => import('./config/work-locations').then((m) => m.WorkLocationsPage)) },
  { path: config('/work-locations/:id'), key: 'workLocation', component: lazyPage(() => import('./config/work-locations').then((m) => m.WorkLocationPage)) },
  { path: config('/task-types'), key: 'taskTypes', component: lazyPage(() => import('./config/task-types').then((m) => m.TaskTypesPage)) },
  { path: config('/task-types/:id'), key: 'taskType', component: lazyPage(() => import('./config/task-types').then((m) => m.TaskTypePage)) },
  { path: config('/teams'), key: 'teams', component: lazyPage(() => import('./config/simple-kinds').then((m) => m.TeamsPage)) },
  { path: config('/teams/:id'), key: 'team', component: lazyPage(() => import('./config/simple-kinds').then((m) => m.TeamPage)) },
  { path: config('/special-diets'), key: 'specialDiets', component: lazyPage(() => import('./config/simple-kinds').then((m) => m.SpecialDietsPage)) },
  { path: config('/special-diets/:id'), key: 'specialDiet', component: lazyPage(() => import('./config/simple-kinds').then((m) => m.SpecialDietPage)) },
  { path: config('/election-types'), key: 'electionTypes', component: lazyPage(() => import('./config/election-types').then((m) => m.ElectionTypesPage)) },
  { path: config('/election-types/:id'), key: 'electionType', component: lazyPage(() => import('./config/election-types').then((m) => m.ElectionTypePage)) },
  { path: config('/site'), key: 'site', component: lazyPage(() => import('./config/SitePage').then((m) => m.SitePage)) },
];

export const election: UiModule = { name: 'election', pages, texts: { da, sv, en } };
