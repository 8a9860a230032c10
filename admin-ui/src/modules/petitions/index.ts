// The e-petitions on the admin site: the moderation queue, every petition, and one petition with what a
// moderator does to it (moderate, extend or close the vote window, post updates). The pages load when first
// opened (the server's test reads this list without a browser, and the chart library stays out of the first
// load); their paths are the module's adminPages on the server (engine/modules/petitions/module.ts).
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import type { UiModule } from '../../../../forms/ui/modules';
import { Loading } from '../../../../forms/ui/QueryState';
import da from './locales/da.json';
import en from './locales/en.json';
import sv from './locales/sv.json';

function lazyPage(load: () => Promise<{ default: ComponentType }>): ComponentType {
  const Page = lazy(load);
  return function LazyPage() {
    return createElement(Suspense, { fallback: createElement(Loading) }, createElement(Page));
  };
}

export const petitions: UiModule = {
  name: 'petitions',
  pages: [
    { path: '/petitions/moderation', key: 'moderation', nav: true, component: lazyPage(() => import('./ModerationPage')) },
    { path: '/petitions', key: 'list', nav: true, component: lazyPage(() => import('./PetitionsPage')) },
    { path: '/petitions/:id', key: 'detail', component: lazyPage(() => import('./PetitionPage')) },
  ],
  texts: { da, sv, en },
};
