// The timeline preview: the interpreter's pure core on a virtual clock over one scenario, for the saved draft
// or a published version, in the tenant's time zone and retention limit. Changes nothing.
import type { FlowPreviewRequest } from '../../schemas/types/api-flow-preview';
import type { TenantSettings } from '../../schemas/types/tenant-settings';
import { simulate, type Scenario } from '../../workflows/flow/core/simulate';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import type { Actor } from '../actors';
import type { Database } from '../db/database';
import { ValidationError } from '../errors';
import { parameterDefaults } from '../flows/builtin';
import { retentionMonthsOf, zoneOf } from '../flows/tenant-rules';
import { validate } from '../validation';
import { loadFlow, loadFlowVersion } from './flows';
import { loadTenant } from './tenant';

/** Parameter values to try in the preview, each checked against its declared type and bounds. */
function previewParameters(def: FlowDefinition, overrides: Record<string, unknown> | undefined): Record<string, unknown> {
  const declared = def.parameters?.properties ?? {};
  const problems: { field: string; message: string }[] = [];
  for (const [name, value] of Object.entries(overrides ?? {})) {
    const p = declared[name];
    if (!p) problems.push({ field: `/parameters/${name}`, message: 'the flow has no such parameter' });
    else if ((p.type === 'integer' && !Number.isInteger(value)) || (p.type === 'number' && typeof value !== 'number')) problems.push({ field: `/parameters/${name}`, message: `must be a ${p.type === 'integer' ? 'whole number' : 'number'}` });
    else if (typeof value === 'number' && ((p.minimum !== undefined && value < p.minimum) || (p.maximum !== undefined && value > p.maximum))) problems.push({ field: `/parameters/${name}`, message: `must be between ${p.minimum} and ${p.maximum}` });
  }
  if (problems.length) throw new ValidationError(problems);
  return { ...parameterDefaults(def), ...overrides };
}

export async function previewFlow(db: Database, actor: Actor, flowId: string, request: FlowPreviewRequest) {
  // loadFlow and loadFlowVersion authorize (flows.view) on the flow they load.
  const def = request.version ? (await loadFlowVersion(db, actor, flowId, request.version)).definition : (await loadFlow(db, actor, flowId)).draft;
  validate('flows/flow-definition-draft.schema.json', structuredClone(def));
  const tenant = await loadTenant(db, actor.tenantId);
  const zone = zoneOf(tenant.country);
  const retentionMonths = retentionMonthsOf(tenant.settings as TenantSettings);
  const parameters = previewParameters(def, request.parameters);
  const startAt = new Date().toISOString();
  try {
    const result = simulate(def, { zone, parameters, facts: {} }, startAt, request.scenario as Scenario, { retentionMonths });
    return { startAt, zone, parameters, timeline: result.timeline, commands: result.commands, warnings: result.warnings, endedAt: result.endedAt ?? null, status: result.state.status };
  } catch (err) {
    // A draft may still be incomplete (a missing parameter, a rule that triggers itself): say so, as a field error.
    throw new ValidationError([{ field: '/', message: `the flow cannot be previewed yet: ${err instanceof Error ? err.message : String(err)}` }]);
  }
}
