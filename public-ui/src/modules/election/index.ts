// Election staffing on the public site: the page a task link opens (a poster's QR code, a link sent to a team),
// showing the vacant tasks the link offers. Signing up for one is issue 17's. The page loads on demand; its path
// is the server's Module.publicPages (engine/modules/election/module.ts).
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../../../../forms/ui/QueryState';
import type { UiModule } from '../../../../forms/ui/modules';
import da from './locales/da.json';
import en from './locales/en.json';
import sv from './locales/sv.json';

const Page = lazy(async () => ({ default: (await import('./TaskLinkPage')).TaskLinkPage }));

function TaskLinkPage() {
  return createElement(Suspense, { fallback: createElement(Loading) }, createElement(Page));
}

export const election: UiModule = {
  name: 'election',
  // Each page's English path works on every tenant; a Danish or Swedish tenant's links use its own words
  // (the server's engine/modules/election/public-pages.ts has the same).
  pages: [
    { path: '/election/tasks/:token', paths: { da: '/valg/opgaver/:token', sv: '/val/uppgifter/:token' }, key: 'taskLink', component: TaskLinkPage as ComponentType },
    { path: '/election/links/:token', key: 'taskLink', component: TaskLinkPage as ComponentType },
  ],
  texts: { da, sv, en },
};
