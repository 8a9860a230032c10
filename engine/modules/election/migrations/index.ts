// The election module's migrations, in order (run after the platform's as election/<name>).
import type { ModuleMigration } from '../../module';
import * as m0001 from './0001-create-election-types';
import * as m0002 from './0002-create-elections';
import * as m0003 from './0003-create-areas';
import * as m0004 from './0004-create-work-locations';
import * as m0005 from './0005-create-task-types';
import * as m0006 from './0006-create-task-type-files';
import * as m0007 from './0007-create-teams';
import * as m0008 from './0008-create-special-diets';
import * as m0009 from './0009-create-work-location-task-types';
import * as m0010 from './0010-create-work-location-teams';
import * as m0011 from './0011-create-election-work-locations';
import * as m0012 from './0012-create-participants';
import * as m0013 from './0013-create-team-members';
import * as m0014 from './0014-create-participant-comments';
import * as m0015 from './0015-create-task-slots';
import * as m0016 from './0016-create-election-site';
import * as m0017 from './0017-index-participant-list';
import * as m0018 from './0018-create-participant-deletions';
import * as m0019 from './0019-index-task-slot-overview';
import * as m0024 from './0024-create-election-system-roles';

export const electionMigrations: ModuleMigration[] = [
  { name: '0001-create-election-types', module: m0001 },
  { name: '0002-create-elections', module: m0002 },
  { name: '0003-create-areas', module: m0003 },
  { name: '0004-create-work-locations', module: m0004 },
  { name: '0005-create-task-types', module: m0005 },
  { name: '0006-create-task-type-files', module: m0006 },
  { name: '0007-create-teams', module: m0007 },
  { name: '0008-create-special-diets', module: m0008 },
  { name: '0009-create-work-location-task-types', module: m0009 },
  { name: '0010-create-work-location-teams', module: m0010 },
  { name: '0011-create-election-work-locations', module: m0011 },
  { name: '0012-create-participants', module: m0012 },
  { name: '0013-create-team-members', module: m0013 },
  { name: '0014-create-participant-comments', module: m0014 },
  { name: '0015-create-task-slots', module: m0015 },
  { name: '0016-create-election-site', module: m0016 },
  { name: '0017-index-participant-list', module: m0017 },
  { name: '0018-create-participant-deletions', module: m0018 },
  { name: '0019-index-task-slot-overview', module: m0019 },
  { name: '0024-create-election-system-roles', module: m0024 },
];
