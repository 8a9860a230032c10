// The petitions module's migrations, in order (run after the platform's as petitions/<name>).
import type { ModuleMigration } from '../../module';
import * as m0001 from './0001-create-petitions';
import * as m0002 from './0002-create-petition-keys';
import * as m0003 from './0003-create-petition-votes';
import * as m0004 from './0004-create-petition-vote-counts';
import * as m0005 from './0005-create-petition-vote-days';
import * as m0006 from './0006-create-petition-threshold-crossings';
import * as m0007 from './0007-create-petition-events';
import * as m0008 from './0008-create-cast-vote-function';
import * as m0009 from './0009-create-withdraw-vote-function';
import * as m0010 from './0010-add-mail-link';
import * as m0011 from './0011-create-petition-rate-limits';
import * as m0012 from './0012-create-cast-votes-function';
import * as m0013 from './0013-drop-single-vote-function';

export const petitionMigrations: ModuleMigration[] = [
  { name: '0001-create-petitions', module: m0001 },
  { name: '0002-create-petition-keys', module: m0002 },
  { name: '0003-create-petition-votes', module: m0003 },
  { name: '0004-create-petition-vote-counts', module: m0004 },
  { name: '0005-create-petition-vote-days', module: m0005 },
  { name: '0006-create-petition-threshold-crossings', module: m0006 },
  { name: '0007-create-petition-events', module: m0007 },
  { name: '0008-create-cast-vote-function', module: m0008 },
  { name: '0009-create-withdraw-vote-function', module: m0009 },
  { name: '0010-add-mail-link', module: m0010 },
  { name: '0011-create-petition-rate-limits', module: m0011 },
  { name: '0012-create-cast-votes-function', module: m0012 },
  { name: '0013-drop-single-vote-function', module: m0013 },
];
