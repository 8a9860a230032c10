/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * One page of the audit log as the admin site shows it.
 */
export interface AuditLogPage {
  entries: {
    seq: number;
    at: string;
    /**
     * Who acted: a person, a part of the platform, or a visitor who was not logged in
     */
    actorKind: "user" | "system" | "anonymous";
    /**
     * A person's current display name (else their id); for the system, which part of it (provisioning, flow, housekeeping, identity-provider …)
     */
    actor: string;
    action: string;
    entityType: string;
    entityId: string | null;
    summary: {};
  }[];
  total: number;
  page: number;
  pageSize: number;
}
