// The tenant and the flow `npm run drill:faults` runs: the built-in application flow cut down to two
// notifications around a timer, so that every instance passes through every part the faults hit (the outbox
// dispatcher, activities writing to PostgreSQL and sending over SMTP, a durable timer on the Temporal server)
// and then ends on its own, with no caseworker:
//   on start:            e-mail "application-received" to the applicant, status awaitingDecision;
//   TIMER_MINUTES later: status approved (final), e-mail "application-approved", the personal data deleted (a
//                        published flow must delete it; here at once, not months later); the instance ends.
// The timer is short so that the run takes minutes; the drill is not a test of the real durations.
import { QueryTypes } from 'sequelize';
import type { Actor } from '../../engine/actors';
import { attachFlowToForm, createFlow, publishFlow } from '../../engine/commands/flows';
import { createSequelize, Database } from '../../engine/db/database';
import { loadBuiltinFlow } from '../../engine/flows/builtin';
import { createTenant } from '../../engine/tenancy/create-tenant';
import { provisionTenant } from '../../engine/tenancy/provision';

export const TIMER_MINUTES = 2;
export const TEMPLATES = { received: 'application-received', approved: 'application-approved' } as const;
export const FINAL_STATUS = 'approved';
export const TENANT_HOST = 'drill.localhost';

export interface DrillTenant {
  tenantId: string;
  formId: string;
}

function drillFlow() {
  const def = loadBuiltinFlow('application.flow.json');
  def.key = 'application-drill';
  const receive = def.rules!.find((r) => r.id === 'receive')!;
  receive.then = receive.then!.filter((a) => a.action !== 'createTask'); // no caseworker: the timer decides
  const approved = def.rules!.find((r) => r.id === 'approved')!;
  approved.id = 'approve-after-timer';
  approved.when = { on: 'after', duration: { minutes: TIMER_MINUTES }, event: { event: 'statusEntered', status: 'awaitingDecision' } };
  approved.then = [...approved.then!, { action: 'deletePersonalData', config: {} }];
  def.rules = [receive, approved];
  def.statuses = def.statuses!.filter((s) => s.key !== 'rejected');
  delete def.parameters; // the reminder, retention and task parameters have no rule left
  return def;
}

/** The cluster stack's seed: a tenant with the drill's flow published and attached to its application form. */
export async function setUpDrillTenant(urls: { ownerUrl: string; appUrl: string }): Promise<DrillTenant> {
  const owner = createSequelize(urls.ownerUrl);
  const db = Database.connect(urls.appUrl);
  try {
    const tenantId = await createTenant(owner, {
      slug: 'drill',
      name: 'Øvelse Kommune',
      country: 'DK',
      defaultLocale: 'da',
      publicHosts: [TENANT_HOST],
      adminHosts: [`admin.${TENANT_HOST}`],
      settings: { contact: { email: 'sagsbehandling@drill.example', phone: '+45 11 22 33 44', address: 'Torvet 1' }, frontPage: { da: { heading: 'Øvelse', intro: '' } }, retention: { auditLogMonths: 6 } },
    });
    await provisionTenant(db, tenantId, 'DK');
    const admin: Actor = { kind: 'user', tenantId, id: 'drill', displayName: 'Drill', roles: ['administrator'] };
    const ctx = { tenantId, actor: admin };
    const { id: flowId } = await createFlow(db, ctx, drillFlow());
    await publishFlow(db, ctx, flowId);
    const [form] = await owner.query<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND builtin = 'application-form.json'", { bind: [tenantId], type: QueryTypes.SELECT });
    await attachFlowToForm(db, ctx, form!.id, flowId);
    return { tenantId, formId: form!.id };
  } finally {
    await owner.close();
    await db.close();
  }
}

/** The answers of submission `i`: one applicant, one address, so the messages can be told apart by recipient. */
export const answersOf = (i: number) => ({ applicantName: `Ansøger ${i}`, applicantEmail: `a${i}@drill.example`, association: 'Øvelse Boldklub', amount: 100 + i, purpose: 'Et arrangement for hele byen' });
