// The elections' page paths (the module's adminPages on the server list the same patterns).
import type { WizardStep } from './api';

export const ELECTIONS_PATH = '/election/elections';
export const NEW_ELECTION_PATH = '/election/elections/new';

/** One election's page. */
export const electionPagePath = (id: string) => `${ELECTIONS_PATH}/${encodeURIComponent(id)}`;

/** The election's setup (the wizard), at a step or where its setup stopped. */
export const setupPath = (id: string, step?: WizardStep) => `${electionPagePath(id)}/setup${step ? `?step=${step}` : ''}`;
