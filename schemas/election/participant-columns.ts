// The participant list's columns, the one list the server (engine/modules/election/participants/columns.ts: labels
// and values) and the admin site (admin-ui/src/modules/election/participants/columns.ts: the chooser) both read;
// the `columns` pattern of participant-export-query.schema.json names the same keys
// (test/election/participants-export.test.ts checks it). `diets` and `partyMembership` are
// special-category data (religion or health; political opinion).
export const ORDINARY_COLUMNS = [
  'name',
  'givenName',
  'familyName',
  'personalNumber',
  'birthDate',
  'address',
  'postalCode',
  'city',
  'municipalityCode',
  'citizenship',
  'registryStatus',
  'registryCheckedAt',
  'phone',
  'email',
  'digitalPostExempt',
  'teams',
  'tasks',
  'createdAt',
] as const;
export const SPECIAL_COLUMNS = ['diets', 'partyMembership'] as const;
export const PARTICIPANT_COLUMNS = [...ORDINARY_COLUMNS, ...SPECIAL_COLUMNS] as const;
export type ParticipantColumn = (typeof PARTICIPANT_COLUMNS)[number];
export type SpecialColumn = (typeof SPECIAL_COLUMNS)[number];

export const isSpecialColumn = (c: string): c is SpecialColumn => (SPECIAL_COLUMNS as readonly string[]).includes(c);
