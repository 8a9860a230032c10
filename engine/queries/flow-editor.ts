// What the flow editor reads: a flow with what stands between its draft and publishing and the preview
// scenarios it suggests, and the action registry's schemas (and their precompiled validators) for the
// forms the editor generates. Administrators (flows.view).
import type { Actor } from '../actors';
import { publishReferences } from '../commands/flows';
import type { Database } from '../db/database';
import { NotFoundError } from '../errors';
import { editorSchemas, editorValidatorModule } from '../flows/editor-schemas';
import { flowPublishProblems } from '../flows/publishable';
import { suggestScenarios } from '../flows/scenarios';
import { authorize } from '../policies';
import { loadFlow } from './flows';

export async function loadFlowForEditor(db: Database, actor: Actor, id: string) {
  const flow = await loadFlow(db, actor, id);
  const problems = await db.withTenant(actor.tenantId, async (tx) => flowPublishProblems(flow.draft, await publishReferences(db, tx)));
  return { ...flow, problems, scenarios: suggestScenarios(flow.draft) };
}

/** The action registry and the `when` shape, as self-contained schemas. They belong to the release, not a tenant. */
export function loadEditorSchemas(actor: Actor): ReturnType<typeof editorSchemas> {
  authorize(actor, 'flows.view', { tenantId: actor.tenantId });
  return editorSchemas();
}

/** The precompiled validators of one editor schema, as an ES module; an unknown name is not found. */
export function loadEditorValidator(actor: Actor, name: string): string {
  authorize(actor, 'flows.view', { tenantId: actor.tenantId });
  const code = editorValidatorModule(name);
  if (!code) throw new NotFoundError();
  return code;
}
