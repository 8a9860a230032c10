// E-petitions: anyone proposes (the tenant's petition form, no login), the proposer confirms the e-mail, a
// moderator reviews, citizens vote with e-ID while the window is open, who voted is erased when it closes, and
// the municipality answers. The process is the tenant's petition flow (builtin/petition.flow.json, editable in
// the flow editor) about the `petition` subject (subject.ts), told what happens through the flow gateway by the
// commands; its own actions close the window, delete unconfirmed proposals and mark moderation overdue.
import { join } from 'node:path';
import type { Module } from '../module';
import { closePetitionVoting, deleteUnconfirmedPetition, markModerationOverdue } from './actions';
import { petitionDemoData } from './demo';
import { petitionMigrations } from './migrations';
import { petitionPageHead } from './page-head';
import { PETITION_RULES } from './policies';
import { petitionsRoutes } from './routes';
import { petitionSubject } from './subject';

const FORMS = join(__dirname, '..', '..', '..', 'forms', 'builtin', 'petitions');

export const petitions: Module = {
  name: 'petitions',
  migrations: petitionMigrations,
  policies: PETITION_RULES,
  formKinds: ['petitionForm'],
  // A petition form's answers become a petition (POST /api/petitions), never a plain form submission.
  selfSubmittedFormKinds: ['petitionForm'],
  subjectTypes: { petition: petitionSubject },
  actions: { closePetitionVoting, deleteUnconfirmedPetition, markModerationOverdue },
  builtinForms: [{ file: 'petition-form.json', path: join(FORMS, 'petition-form.json'), name: { DK: 'Borgerforslag', SE: 'E-förslag' }, countries: ['DK', 'SE'] }],
  routes: petitionsRoutes,
  // An update with its PDF (at most 5 MiB, base64 in the JSON body: commands/post-petition-update.ts).
  largeBodies: [{ method: 'POST', path: '/petitions/:id/updates', limit: '7mb' }],
  builtinFlows: [{ file: 'petition.flow.json', path: join(__dirname, 'builtin', 'petition.flow.json'), publish: true }],
  builtinTemplates: join(__dirname, 'builtin', 'templates.json'),
  // A petition's page is served with its title, count and text in the HTML (shared links, search engines).
  publicPageHead: petitionPageHead,
  demoData: petitionDemoData,
  // The public site's pages (public-ui/src/modules/petitions/): the list, proposing, the e-mails' two links, a petition.
  publicPages: ['/petitions', '/petitions/new', '/petitions/confirm', '/petitions/edit', '/petitions/:id'],
  // The admin site's pages (admin-ui/src/modules/petitions/): the moderation queue, every petition, one petition.
  adminPages: ['/petitions/moderation', '/petitions', '/petitions/:id'],
};
