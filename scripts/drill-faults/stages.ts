// Each instance's stage (tally.ts) read from what the platform wrote: its start row in the flow outbox, its
// receipt in the communication log, its end on the instance row. The timer's due time is taken as the start's
// delivery plus the timer (the workflow starts just before its row is marked delivered, so this is a little late).
import { QueryTypes, type Sequelize } from 'sequelize';
import { TEMPLATES, TIMER_MINUTES } from './flow';
import type { Stage } from './tally';

export async function readStages(owner: Sequelize, tenantId: string): Promise<Map<string, Stage>> {
  const rows = await owner.query<{ id: string; stage: Stage }>(
    `SELECT i.id,
            CASE WHEN i.ended_at IS NOT NULL THEN 'ended'
                 WHEN o.delivered_at IS NULL THEN 'queued'
                 WHEN r.id IS NULL THEN 'started'
                 WHEN o.delivered_at + make_interval(mins => $2) > now() THEN 'timer'
                 ELSE 'due' END AS stage
       FROM flow_instances i
       LEFT JOIN flow_outbox o ON o.instance_id = i.id AND o.kind = 'start'
       LEFT JOIN communication_log r ON r.instance_id = i.id AND r.template_key = $3 AND r.status = 'sent'
      WHERE i.tenant_id = $1`,
    { bind: [tenantId, TIMER_MINUTES, TEMPLATES.received], type: QueryTypes.SELECT },
  );
  return new Map(rows.map((r) => [r.id, r.stage]));
}
