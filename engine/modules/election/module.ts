// Election staffing (issues "Election staffing I–IV"): elections, polling stations, task types, teams and
// participants (from the civil registry), the signup template and the task types' extra-fields form kind, and the
// invitation and retention flow patterns about declared subjects.
import { join } from 'node:path';
import { declaredSubjectType } from '../declared-subject';
import type { Module } from '../module';
import { createElectionActivities } from '../../../activities/election';
import { resumeElectionWorkflows } from './bulk-deletion-workflow';
import { resumeRegistryRefreshes } from './registry-refresh/workflows';
import { resumeElectionRetentions } from './retention/workflow';
import { electionDemoData } from './demo';
import { sendParticipantMessageAction } from './flow-actions';
import { electionTaskSubject } from './flow-subject-task';
import { electionMigrations } from './migrations';
import { electionMessageFields, electionTemplatePreview, electionTemplatePreviewChoices } from './messages/preview';
import { ELECTION_RULES } from './policies';
import { ELECTION_PUBLIC_PAGES } from './public-pages';
import { ELECTION_GRANT_KINDS } from './queries/responsibilities';
import { electionModuleRoutes } from './routes';
import { BULK_DELETION_BODY } from './routes/bulk-deletions';

const FORMS = join(__dirname, '..', '..', '..', 'forms', 'builtin', 'election');

export const election: Module = {
  name: 'election',
  migrations: electionMigrations,
  // Korsbæk's and Småköping's elections, polling stations, task types, teams and people on first start (demo.ts).
  demoData: electionDemoData,
  policies: ELECTION_RULES,
  grantKinds: ELECTION_GRANT_KINDS,
  routes: electionModuleRoutes,
  formKinds: ['signupTemplate', 'taskTypeFields'],
  // The invitation flow's action: the participant told through the election's templates and channels.
  actions: { sendParticipantMessage: sendParticipantMessageAction },
  subjectTypes: { electionTask: electionTaskSubject, electionParticipant: declaredSubjectType('electionParticipant', true) },
  // The messages to participants: the events' built-in templates (e-mail, SMS, channel order), the merge fields of
  // the seed's list, and the template editor's preview with a real participant and task (messages/).
  builtinTemplates: join(__dirname, 'builtin', 'templates.json'),
  messageFields: electionMessageFields,
  templatePreview: electionTemplatePreview,
  templatePreviewChoices: electionTemplatePreviewChoices,
  builtinForms: [{ file: 'signup-template.json', path: join(FORMS, 'signup-template.json'), name: { DK: 'Tilmelding som valgstyrer', SE: 'Anmälan som röstmottagare' }, countries: ['DK', 'SE'] }],
  builtinFlows: [
    // Published for every tenant: each task assignment's invitation, confirmation and reminders (flow-events.ts).
    { file: 'invitation.flow.json', path: join(__dirname, 'builtin', 'invitation.flow.json'), publish: true },
    { file: 'election-retention.flow.json', path: join(__dirname, 'builtin', 'election-retention.flow.json'), publish: false },
  ],
  // The admin site's pages (admin-ui/src/modules/election/): the staffing overview and the work locations' tasks,
  // elections, participants, rejected tasks, the configuration.
  // The public site's pages (public-ui/src/modules/election/), each in Danish and Swedish words too (public-pages.ts).
  publicPages: Object.values(ELECTION_PUBLIC_PAGES),
  adminPages: ['/election/group-messages', '/election/registry-refresh', '/election/links', '/election/exports', '/election/retention', '/election/overview', '/election/work-locations/:id/distribution', '/election/work-locations/:id/tasks', '/election/rejections', '/election/elections', '/election/elections/new', '/election/elections/:id', '/election/elections/:id/setup', '/election/participants', '/election/participants/new', '/election/participants/:id', '/election/config', '/election/config/site', ...['areas', 'work-locations', 'task-types', 'teams', 'special-diets', 'election-types'].flatMap((kind) => [`/election/config/${kind}`, `/election/config/${kind}/:id`])],
  // The bulk deletion of participants: its own workflow type (workflows/election/), activities and resumer.
  activities: createElectionActivities,
  workflowTypes: ['electionParticipantBulkDeletion', 'electionGroupMessage', 'electionRegistryRefresh', 'electionRegistryRefreshWeekly', 'electionPostElectionDeletion'],
  resumeWorkflows: async (deps, scope) => {
    await resumeElectionWorkflows(deps, scope);
    await resumeRegistryRefreshes(deps, scope);
    await resumeElectionRetentions(deps, scope);
  },
  // Also a polling station's distribution grid (up to 2,000 cells), a task type's file (base64 in JSON, at most 5 MiB
  // decoded) and the public site's pages (front page, FAQ).
  largeBodies: [BULK_DELETION_BODY, { method: 'PUT', path: '/election/elections/:id/work-locations/:workLocationId/distribution', limit: '512kb' }, { method: 'POST', path: '/election/task-types/:id/files', limit: '7mb' }, { method: 'PUT', path: '/election/site', limit: '256kb' }],
};
