// What the restore drill leaves in flight when it takes the backup, on one tenant made as `npm run tenant` makes
// one: e-service applications on the built-in application flow, whose caseworker reminder comes REMINDER_MINUTES
// after the application is received instead of days (as bench:flows shortens it), in three states:
//   waiting     — received, a caseworker task open, the reminder's timer running: due after the backup;
//   decided     — approved before the backup: final status, the workflow waiting months to delete the data;
//   notStarted  — submitted while the flow outbox's dispatcher was held up: the instance row and its outbox row
//                 are in the database, the workflow not yet in Temporal (the moment between the two, backed up).
// Every step goes through the platform's commands (submitForm, decideTask, updateContactInfo), audited as usual.
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Actor } from '../../actors';
import { decideTask } from '../../commands/flow-updates';
import { attachFlowToForm, createFlow, publishFlow } from '../../commands/flows';
import { submitForm } from '../../commands/submit-form';
import { updateContactInfo } from '../../commands/update-contact-info';
import { loadBuiltinFlow } from '../../flows/builtin';
import type { FlowTemporal } from '../../flows/workflows';
import type { Platform } from '../../platform';
import { listTasks } from '../../queries/flows';
import { createTenant } from '../../tenancy/create-tenant';
import { provisionTenant } from '../../tenancy/provision';

export const REMINDER_MINUTES = 2;
export const DRILL_FLOW_KEY = 'application-drill';

export interface DrillTenant {
  tenantId: string;
  formId: string;
  admin: Actor;
}

const CONTACT = { email: 'sagsbehandling@drill.example', phone: '+45 11 22 33 44', address: 'Torvet 1' };

export async function createDrillTenant(owner: Sequelize, platform: Platform): Promise<DrillTenant> {
  const tenantId = await createTenant(owner, {
    slug: 'drill',
    name: 'Øvelsesby Kommune',
    country: 'DK',
    defaultLocale: 'da',
    publicHosts: ['drill.localhost'],
    adminHosts: ['admin.drill.localhost'],
    settings: { contact: CONTACT, frontPage: { da: { heading: 'Øvelsesby', intro: '' } }, retention: { auditLogMonths: 6 } },
  });
  await provisionTenant(platform.db, tenantId, 'DK');
  const admin: Actor = { kind: 'user', tenantId, id: 'drill-caseworker', displayName: 'Drill', roles: ['administrator'] };
  const ctx = { tenantId, actor: admin };
  const def = loadBuiltinFlow('application.flow.json');
  def.key = DRILL_FLOW_KEY;
  const remind = def.rules!.find((r) => r.id === 'remind-caseworker')!;
  (remind.when as { duration: object }).duration = { minutes: REMINDER_MINUTES };
  def.parameters!.properties!.maxReminders!.default = 1;
  const { id: flowId } = await createFlow(platform.db, ctx, def);
  await publishFlow(platform.db, ctx, flowId);
  const [form] = await owner.query<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND builtin = 'application-form.json'", { bind: [tenantId], type: QueryTypes.SELECT });
  if (!form) throw new Error('the provisioned tenant has no application form');
  await attachFlowToForm(platform.db, ctx, form.id, flowId);
  // An administrator's audited change besides the flows' own audit rows.
  await updateContactInfo(platform.db, ctx, { ...CONTACT, phone: '+45 55 66 77 88' });
  return { tenantId, formId: form.id, admin };
}

/** `n` applications from citizens (anonymous, as the public site sends them); their flow instances' ids. */
export async function submitApplications(platform: Platform, tenant: DrillTenant, n: number, from: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + n; i++) {
    const r = await submitForm(platform.identity, { tenantId: tenant.tenantId, actor: { kind: 'anonymous', tenantId: tenant.tenantId } }, tenant.formId, 1, {
      applicantName: `Ansøger ${i}`,
      applicantEmail: `ansoger${i}@drill.example`,
      association: 'Øvelsesby Boldklub',
      amount: 1000 + i,
      purpose: 'Et arrangement for hele byen',
    });
    if (!r.flow) throw new Error('the application form started no flow');
    ids.push(r.flow.instanceId);
  }
  return ids;
}

/** Waits until every instance has `status` in its row (the flow's setStatus activity writes it). */
export async function waitForStatus(owner: Sequelize, ids: string[], status: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM flow_instances WHERE id = ANY($1::uuid[]) AND status = $2', { bind: [ids, status], type: QueryTypes.SELECT });
    if (row!.n === ids.length) return;
    if (Date.now() > deadline) throw new Error(`${ids.length - row!.n} of ${ids.length} instances did not reach "${status}" within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A caseworker decides each instance's open task through the command the admin site calls (a workflow Update). */
export async function decide(platform: Platform, flows: FlowTemporal, tenant: DrillTenant, instanceIds: string[], decision: 'approve' | 'reject'): Promise<void> {
  const open = await listTasks(platform.db, tenant.admin, 'open');
  for (const instanceId of instanceIds) {
    const task = open.find((t) => t.instanceId === instanceId);
    if (!task) throw new Error(`instance ${instanceId} has no open task to decide`);
    await decideTask(platform.db, flows, { tenantId: tenant.tenantId, actor: tenant.admin }, task.id, decision);
  }
}

export interface SentMessage {
  instanceId: string;
  sentAt: Date;
}

/** Messages of a template sent for these instances (the communication log: one row per message). */
export async function sentMessages(owner: Sequelize, ids: string[], template: string): Promise<SentMessage[]> {
  const rows = await owner.query<{ instance_id: string; sent_at: Date }>(
    "SELECT instance_id, sent_at FROM communication_log WHERE instance_id = ANY($1::uuid[]) AND template_key = $2 AND status IN ('sent', 'delivered')",
    { bind: [ids, template], type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({ instanceId: r.instance_id, sentAt: new Date(r.sent_at) }));
}

/** Waits until each instance has a sent message of `template`; returns them. */
export async function waitForMessages(owner: Sequelize, ids: string[], template: string, timeoutMs: number): Promise<SentMessage[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sent = await sentMessages(owner, ids, template);
    if (new Set(sent.map((s) => s.instanceId)).size === ids.length) return sent;
    if (Date.now() > deadline) throw new Error(`${ids.length - new Set(sent.map((s) => s.instanceId)).size} of ${ids.length} "${template}" messages were not sent within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
