// What the demo municipalities show of election staffing on first start (Module.demoData): the content of
// demo-content.ts — election types, areas, polling stations with their task types and teams, task types,
// teams, diets, the public site's front page — and an election set up in its four steps and activated, made
// through the module's commands as the tenant's provisioning; the test people of the registry simulator made
// participants by registry lookup (audited like any lookup); and the election's task slots, distributed and a few
// assigned through the module's commands too. Once per tenant.
import { provisioningActor } from '../../actors';
import type { CommandContext } from '../../audit/record';
import type { Country } from '../../db/models';
import type { DemoDeps } from '../module';
import { testPeople } from '../../simulators/test-people';
import { createArea } from './commands/config/areas';
import { createElectionType } from './commands/config/election-types';
import { updateSite } from './commands/config/site';
import { createSpecialDiet } from './commands/config/special-diets';
import { createTaskType } from './commands/config/task-types';
import { createTeam } from './commands/config/teams';
import { createWorkLocation } from './commands/config/work-locations';
import { createElection } from './commands/elections/create-election';
import { assignTask } from './commands/assignments/assign-task';
import { activateElection } from './commands/elections/lifecycle';
import { setElectionDates, setElectionMessages, setElectionWorkLocations } from './commands/elections/setup-steps';
import { shiftDate } from './commands/elections/shared';
import { createParticipant } from './commands/participants/create-participant';
import { updateElectionSystemRoles } from './commands/exports/election-system-roles';
import { distributeSlots } from './commands/slots/distribute-slots';
import { select, type ElectionDeps } from './db';
import { DEMO_CONTENT } from './demo-content';
import { MESSAGE_EVENTS } from './message-events';
import { defaultElectionTypes } from './election-type-rules';

/** How many of each task type a polling station gets on election day (the rest of the types: one each). */
export const SLOTS_PER_STATION: Record<string, number> = { TF: 4, VS: 2, RM: 4 };

export async function electionDemoData(deps: DemoDeps, tenantId: string, country: Country): Promise<void> {
  const [done] = await deps.db.withTenant(tenantId, (tx) => select<{ n: number }>(deps.db, tx, 'SELECT count(*)::integer AS n FROM elections'));
  if ((done?.n ?? 0) > 0) return;
  const demo = DEMO_CONTENT[country];
  const ctx: CommandContext = { tenantId, actor: provisioningActor(tenantId) };
  const d: ElectionDeps = { db: deps.db, keyring: deps.keyring, ...(deps.registry ? { registry: deps.registry } : {}) };

  const types = new Map<string, string>();
  for (const t of defaultElectionTypes(country)) types.set(t.name, (await createElectionType(d, ctx, t)).id);
  const areas = new Map<string, string>();
  for (const name of demo.areas) areas.set(name, (await createArea(d, ctx, { name })).id);
  const taskTypes = new Map<string, string>();
  for (const t of demo.taskTypes) taskTypes.set(t.shortName, (await createTaskType(d, ctx, t)).id);
  const teams: string[] = [];
  for (const t of demo.teams) teams.push((await createTeam(d, ctx, { ...t, description: '' })).id);
  const diets: string[] = [];
  for (const name of demo.diets) diets.push((await createSpecialDiet(d, ctx, { name })).id);
  const stations: string[] = [];
  for (const w of demo.workLocations) {
    const { area, ...fields } = w;
    stations.push((await createWorkLocation(d, ctx, { ...fields, areaId: areas.get(area)!, taskTypeIds: [...taskTypes.values()], teamIds: teams })).id);
  }
  // The privacy statement shown at sign-up: the tenant's built-in consent statement form, when it has one.
  const [consentForm] = await deps.db.withTenant(tenantId, (tx) => select<{ id: string }>(deps.db, tx, "SELECT id FROM form_definitions WHERE kind = 'consentStatement' ORDER BY created_at LIMIT 1"));
  await updateSite(d, ctx, { frontPage: { [demo.locale]: demo.frontPage }, faqEnabled: true, faq: demo.faq.map((f) => ({ question: { [demo.locale]: f.question }, answer: { [demo.locale]: f.answer } })), privacyFormId: consentForm?.id ?? null, consentEnabled: true, contact: demo.contact });

  const e = demo.election;
  const { id: electionId } = await createElection(d, ctx, { title: e.title, electionTypeId: types.get(e.type)!, lockDays: e.lockDays, electionDay: e.electionDay });
  await setElectionDates(d, ctx, electionId, { electionDay: e.electionDay, firstTaskDate: shiftDate(e.electionDay, e.firstTaskOffsetDays), lastTaskDate: shiftDate(e.electionDay, e.lastTaskOffsetDays) });
  await setElectionWorkLocations(d, ctx, electionId, { workLocationIds: stations });
  // Every event sends its built-in template (builtin/templates.json, installed with the tenant's built-ins):
  // election-<event>, for each the tenant has (a tenant made without its built-ins sends none).
  const installed = new Set((await deps.db.withTenant(tenantId, (tx) => select<{ key: string }>(deps.db, tx, "SELECT key FROM message_templates WHERE key LIKE 'election-%'"))).map((t) => t.key));
  await setElectionMessages(d, ctx, electionId, { templates: Object.fromEntries(MESSAGE_EVENTS.filter((event) => installed.has(`election-${event}`)).map((event) => [event, `election-${event}`])) });
  await activateElection(d, ctx, electionId);

  if (demo.electionSystemRoles) {
    const roles = Object.entries(demo.electionSystemRoles);
    await updateElectionSystemRoles(d, ctx, { items: roles.map(([shortName, roleName]) => ({ taskTypeId: taskTypes.get(shortName)!, roleName, ...(roleName === null ? { exported: false } : {}) })) });
  }

  // The people: the registry simulator's test people of this country, by lookup (none without a registry).
  const participants: string[] = [];
  if (d.registry) {
    for (const [i, personId] of demo.participants.entries()) {
      const person = testPeople.citizens.find((c) => c.id === personId);
      if (!person) continue;
      const created = await createParticipant(d, ctx, {
        personalNumber: person.personalNumber,
        ...('email' in person && person.email ? { email: person.email } : {}),
        ...('phone' in person && person.phone ? { phone: person.phone } : {}),
        // Every other person in the last teams (Borgerservice, Frivillige), the rest in one of the first (a party's
        // team on Korsbæk: special-category data, shown only when asked for).
        teamIds: [i % 2 === 0 ? teams[teams.length - 1 - ((i / 2) % 2)]! : teams[i % teams.length]!],
        ...(i === 0 ? { dietIds: [diets[0]!] } : {}),
      });
      participants.push(created.id);
    }
  }

  // The election day's task slots at every polling station, each for a team in turn, distributed station by station
  // through the distribute grid's command; the first people hold one each through the assignment command (registered
  // directly, then invited — the invitation queued like any other; the link's token is only kept as its hash, so
  // the origin its answer is built with is not used).
  const holders: { station: string; taskTypeId: string; teamId: string; participantId: string; direct: boolean }[] = [];
  let n = 0;
  for (const station of stations) {
    const cells = new Map<string, { teamId: string; taskTypeId: string; date: string; count: number }>();
    for (const [shortName, taskTypeId] of taskTypes) {
      for (let k = 0; k < (SLOTS_PER_STATION[shortName] ?? 1); k++, n++) {
        const teamId = teams[n % teams.length]!;
        const key = `${teamId}|${taskTypeId}`;
        cells.set(key, { teamId, taskTypeId, date: e.electionDay, count: (cells.get(key)?.count ?? 0) + 1 });
        if (n < participants.length) holders.push({ station, taskTypeId, teamId, participantId: participants[n]!, direct: n % 2 === 0 });
      }
    }
    await distributeSlots(d, ctx, electionId, station, { cells: [...cells.values()] });
  }
  for (const h of holders) {
    const [slot] = await deps.db.withTenant(tenantId, (tx) =>
      select<{ id: string }>(
        deps.db,
        tx,
        'SELECT id FROM task_slots WHERE election_id = $1 AND work_location_id = $2 AND task_type_id = $3 AND team_id = $4 AND participant_id IS NULL ORDER BY created_at, id LIMIT 1',
        [electionId, h.station, h.taskTypeId, h.teamId],
      ),
    );
    await assignTask(d, ctx, electionId, slot!.id, { participantId: h.participantId, registerDirectly: h.direct }, { publicOrigin: 'https://demo.invalid' });
  }
}
