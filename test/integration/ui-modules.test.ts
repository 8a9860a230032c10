// The sites take a module's pages, navigation entries and texts from their module lists (forms/ui/modules.ts,
// used by both apps' App.tsx and boot): a module defined here (one page) joins the routes, the navigation and
// the texts without a change to the sites themselves.
import { modulePages, siteResources, type UiModule } from '../../forms/ui/modules';

const NoticesPage = () => null;
const noticeboard: UiModule = {
  name: 'noticeboard',
  pages: [
    { path: '/notices', key: 'notices', component: NoticesPage, nav: true },
    { path: '/notices/:id', key: 'notice', component: NoticesPage },
  ],
  texts: { da: { nav: { notices: 'Opslag' } }, sv: { nav: { notices: 'Anslag' } }, en: { nav: { notices: 'Notices' } } },
};

it('a module’s pages join the routes and the navigation, with their titles in the module’s namespace', () => {
  const pages = modulePages([noticeboard]);
  expect(pages.map((p) => [p.path, p.titleKey, p.nav ?? false])).toEqual([
    ['/notices', 'noticeboard:nav.notices', true],
    ['/notices/:id', 'noticeboard:nav.notice', false],
  ]);
  expect(() => modulePages([noticeboard, { ...noticeboard, name: 'copy' }])).toThrow(/\/notices/);
});

it('a module’s texts are a namespace of their own beside the site’s', () => {
  const other: UiModule = { name: 'eservices', texts: { da: {}, sv: {}, en: {} } };
  const resources = siteResources({ da: { front: 'Forside' }, sv: { front: 'Start' }, en: { front: 'Home' } }, [other, noticeboard]);
  expect(resources.sv!.noticeboard).toEqual({ nav: { notices: 'Anslag' } });
  expect(resources.da!.translation).toEqual({ front: 'Forside' });
  expect(Object.keys(resources.en!).sort()).toEqual(['eservices', 'noticeboard', 'translation']);
});
