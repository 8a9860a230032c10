// The e-petitions module on the public site (borgerforslag, e-förslag): the list of published petitions, each
// petition with its support and timeline and the vote, proposing without login, and the two pages the
// proposer's e-mails link to (confirm the address; edit a returned proposal). Offered as a service on the
// front page and the services page. The pages load on demand (the chart library and the form renderer with
// them); their paths are the server's Module.publicPages (engine/modules/petitions/module.ts).
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../../../../forms/ui/QueryState';
import type { ServiceSource, UiModule } from '../../../../forms/ui/modules';
import da from './locales/da.json';
import en from './locales/en.json';
import sv from './locales/sv.json';

function onDemand(load: () => Promise<ComponentType>): ComponentType {
  const Page = lazy(async () => ({ default: await load() }));
  return function PetitionsPage() {
    return createElement(Suspense, { fallback: createElement(Loading) }, createElement(Page));
  };
}

const PetitionListPage = onDemand(() => import('./PetitionListPage').then((m) => m.PetitionListPage));
const PetitionPage = onDemand(() => import('./PetitionPage').then((m) => m.PetitionPage));
const ProposePage = onDemand(() => import('./ProposePage').then((m) => m.ProposePage));
const ConfirmPage = onDemand(() => import('./ConfirmPage').then((m) => m.ConfirmPage));
const EditPage = onDemand(() => import('./EditPage').then((m) => m.EditPage));

/** One service: read, propose and support petitions (the list page leads to the rest). */
const petitionService: ServiceSource = {
  queryKey: ['services', 'petitions'],
  load: async () => [
    {
      key: 'petitions:list',
      title: { da: da.service.title, sv: sv.service.title, en: en.service.title },
      description: { da: da.service.description, sv: sv.service.description, en: en.service.description },
      path: '/petitions',
    },
  ],
};

export const petitions: UiModule = {
  name: 'petitions',
  pages: [
    { path: '/petitions', key: 'list', component: PetitionListPage, nav: true },
    { path: '/petitions/new', key: 'propose', component: ProposePage },
    { path: '/petitions/confirm', key: 'confirm', component: ConfirmPage },
    { path: '/petitions/edit', key: 'edit', component: EditPage },
    { path: '/petitions/:id', key: 'petition', component: PetitionPage },
  ],
  services: petitionService,
  texts: { da, sv, en },
};
