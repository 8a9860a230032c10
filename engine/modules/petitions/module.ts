// E-petitions (issue "E-petitions module"): what exists of it so far — the petition form every tenant starts
// from, and the vote-window flow pattern about a declared `petition` subject.
import { join } from 'node:path';
import { declaredSubjectType } from '../declared-subject';
import type { Module } from '../module';
import { petitionMigrations } from './migrations';
import { PETITION_RULES } from './policies';

const FORMS = join(__dirname, '..', '..', '..', 'forms', 'builtin', 'petitions');

export const petitions: Module = {
  name: 'petitions',
  migrations: petitionMigrations,
  policies: PETITION_RULES,
  formKinds: ['petitionForm'],
  subjectTypes: { petition: declaredSubjectType('petition', true) },
  builtinForms: [{ file: 'petition-form.json', path: join(FORMS, 'petition-form.json'), name: { DK: 'Borgerforslag', SE: 'E-förslag' }, countries: ['DK', 'SE'] }],
  builtinFlows: [{ file: 'vote-window.flow.json', path: join(__dirname, 'builtin', 'vote-window.flow.json'), publish: false }],
};
