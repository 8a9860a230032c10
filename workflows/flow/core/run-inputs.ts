// What the workflow and the activities that carry out its steps derive from a loaded run and its commands, in one
// place: the context the pure core reads, and one command's action input with its idempotency key.
import type { FlowCommand, FlowContext } from './types';

export const contextOf = (run: { zone: string; parameters: Record<string, unknown>; facts: Record<string, unknown> }): FlowContext => ({ zone: run.zone, parameters: run.parameters, facts: run.facts });

/** The key is made unique per instance: `<instance>/<rule>@<anchor>#<occurrence>/<action index>`. */
export const actionInputOf = (tenantId: string, instanceId: string, c: FlowCommand) => ({ tenantId, instanceId, key: `${instanceId}/${c.key}`, rule: c.rule, action: c.action, config: c.config, at: c.at });
