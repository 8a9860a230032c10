// The election module's own workflow types (its module.ts declares their names as workflowTypes).
export { electionParticipantBulkDeletion } from './bulk-deletion/workflow';
export * as electionBulkDeletionMessages from './bulk-deletion/messages';
