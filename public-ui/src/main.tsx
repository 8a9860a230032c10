import { bootSite } from '../../forms/ui/boot';
import { createQueryClient } from '../../forms/ui/query-client';
import { App } from './App';
import { PUBLIC_MODULES } from './modules';
import da from './locales/da.json';
import en from './locales/en.json';
import sv from './locales/sv.json';
import './neutral.css';
import './dkfds-small-screens.css';

// This app's one QueryClient: the cache of every server answer its pages show.
void bootSite(App, { da, sv, en }, createQueryClient(), PUBLIC_MODULES);
