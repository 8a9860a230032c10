// The election module's own workflow types (its module.ts declares their names as workflowTypes).
export { electionParticipantBulkDeletion } from './bulk-deletion/workflow';
export * as electionBulkDeletionMessages from './bulk-deletion/messages';
export { electionGroupMessage } from './group-message/workflow';
export * as electionGroupMessageMessages from './group-message/messages';
export { electionRegistryRefresh } from './registry-refresh/workflow';
export { electionRegistryRefreshWeekly } from './registry-refresh/weekly';
export * as electionRegistryRefreshMessages from './registry-refresh/messages';
export { electionPostElectionDeletion } from './post-election-deletion/workflow';
export * as electionPostElectionDeletionMessages from './post-election-deletion/messages';
