import { bootSite } from '../../forms/ui/boot';
import { App } from './App';
import da from './locales/da.json';
import en from './locales/en.json';
import sv from './locales/sv.json';
import './neutral.css';

void bootSite(App, { da, sv, en });
