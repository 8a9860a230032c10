// What the e-services read for the public site: a person's own submissions and where their flows stand.
import { QueryTypes } from 'sequelize';
import type { Actor } from '../../actors';
import type { Database } from '../../db/database';
import { shortReference } from '../../ids';
import { authorize } from '../../policies';

/** The subject type of this module's flows: a submitted form. */
export const FORM_SUBMISSION = 'formSubmission';

/** A citizen's own submissions (the newest 100) and where their flows stand. */
export async function listMySubmissions(db: Database, actor: Actor) {
  if (actor.kind !== 'user') return [];
  const rows = await db.withTenant(actor.tenantId, (tx) =>
    db.sequelize.query<{ id: string; formId: string; formTitle: Record<string, string>; submittedAt: Date; status: string | null; statusLabel: Record<string, string> | null; endedAt: Date | null }>(
      `SELECT s.id, s.definition_id AS "formId", fv.definition->'title' AS "formTitle", s.submitted_at AS "submittedAt", i.status,
              (SELECT st->'label' FROM jsonb_array_elements(v.definition->'statuses') st WHERE st->>'key' = i.status) AS "statusLabel", i.ended_at AS "endedAt"
         FROM form_submissions s JOIN form_versions fv USING (tenant_id, definition_id, version)
         LEFT JOIN flow_instances i ON i.subject_type = $2 AND i.subject_id = s.id
         LEFT JOIN flow_versions v ON v.definition_id = i.definition_id AND v.version = i.version
        WHERE s.submitted_by = $1 ORDER BY s.submitted_at DESC LIMIT 100`,
      { bind: [actor.id, FORM_SUBMISSION], type: QueryTypes.SELECT, transaction: tx },
    ),
  );
  return rows.map((r) => ({ ...r, reference: shortReference(r.id) }));
}

/** The kind of form that is an e-service (this module's form kind). */
export const E_SERVICE_KIND = 'eService';

/** The e-services anyone on the public site can use: e-service forms with a published version, by name. */
export async function listPublishedEServices(db: Database, actor: Actor) {
  authorize(actor, 'site.view', { tenantId: actor.tenantId });
  return db.withTenant(actor.tenantId, (tx) =>
    db.sequelize.query<{ id: string; slug: string; title: Record<string, string>; description: Record<string, string> | null }>(
      `SELECT d.id, d.slug, v.definition->'title' AS title, v.definition->'description' AS description
         FROM form_definitions d JOIN form_versions v ON v.definition_id = d.id AND v.version = d.latest_version
        WHERE d.kind = $1 AND d.latest_version > 0 AND d.slug IS NOT NULL ORDER BY d.name, d.id`,
      { bind: [E_SERVICE_KIND], type: QueryTypes.SELECT, transaction: tx },
    ),
  );
}
