// `npm start` minus the UI build, for test/system/restart-after-crash.test.ts: the same start sequence
// (engine/main.ts), but the sites are served from a folder of placeholder pages given as the first argument.
// The sites need their built index.html only to be mounted; /readyz asks the database, Temporal and the worker.
import { runFromCommandLine } from '../../engine/main';

const sitesRoot = process.argv[2];
if (!sitesRoot) throw new Error('usage: node --import tsx test/system/start-without-ui.ts <folder with admin-ui/dist and public-ui/dist>');
runFromCommandLine((config) => ({ ...config, rootDir: sitesRoot }));
