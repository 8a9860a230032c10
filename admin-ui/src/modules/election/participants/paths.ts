// The participants' page paths (the module's adminPages on the server list the same patterns).
export const PARTICIPANTS_PATH = '/election/participants';
export const NEW_PARTICIPANT_PATH = '/election/participants/new';

/** One participant's profile. */
export const participantPagePath = (id: string) => `${PARTICIPANTS_PATH}/${encodeURIComponent(id)}`;
