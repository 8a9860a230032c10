import { bootSite } from '../../forms/ui/boot';
import { App } from './App';
import './admin.css';
import da from './locales/da.json';
import en from './locales/en.json';
import sv from './locales/sv.json';

void bootSite(App, { da, sv, en });
