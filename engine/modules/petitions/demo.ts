// What the demo municipalities show of petitions on first start (Module.demoData): two open petitions with
// votes (one closing within days), one waiting for moderation and one returned for changes — made through the
// module's commands, so each has its flow, its audit rows and its e-mails in the development outbox. The
// voters are synthetic personal numbers (never real people's), the votes cast like any other. Once per tenant.
import { randomUUID } from 'node:crypto';
import { provisioningActor, type Actor } from '../../actors';
import type { CommandContext } from '../../audit/record';
import type { Country } from '../../db/models';
import { syntheticPersonalNumber } from '../../simulators/synthetic-personal-numbers';
import { castVote } from './commands/cast-vote';
import { confirmPetitionEmail } from './commands/confirm-petition-email';
import { approvePetition, returnPetition } from './commands/moderate-petition';
import { proposePetition } from './commands/propose-petition';
import { select, type PetitionDeps } from './db';

interface DemoPetition {
  title: string;
  proposal: string;
  background: string;
  proposer: string;
  /** open: approved with this many votes (and window), moderation: confirmed only, returned: sent back. */
  state: { open: { votes: number; windowDays: number } } | { moderation: true } | { returned: string };
}

const DEMO: Record<Country, DemoPetition[]> = {
  DK: [
    { title: 'Flere bænke i byparken', proposal: 'Kommunen opstiller ti nye bænke langs stierne i byparken, så ældre og gangbesværede kan hvile sig på vejen.', background: 'Der er i dag over 400 meter mellem bænkene ved søen.', proposer: 'Agnes Jensen', state: { open: { votes: 137, windowDays: 90 } } },
    { title: 'Gratis svømning for børn om søndagen', proposal: 'Børn under 12 år svømmer gratis i Korsbæk Svømmehal om søndagen fra kl. 9 til 12.', background: 'Flere familier har svært ved at betale for svømning hver uge.', proposer: 'Mads Skjern', state: { open: { votes: 23, windowDays: 9 } } },
    { title: 'Cykelsti langs Algade', proposal: 'Kommunen anlægger en sammenhængende cykelsti i begge sider af Algade fra stationen til skolen.', background: 'Mange skolebørn cykler på kørebanen i myldretiden.', proposer: 'Ellen Jensen', state: { moderation: true } },
    { title: 'Hundeskov ved Nørreskoven', proposal: 'Indret en indhegnet hundeskov på to hektar i Nørreskoven med bænke og affaldsspande.', background: 'Hundeejere ønsker et sted, hvor hunde må løbe frit.', proposer: 'Maude Varnæs', state: { returned: 'Forslaget nævner en nabo ved navn. Ret venligst teksten, så ingen personer nævnes, og send det igen.' } },
  ],
  SE: [
    { title: 'Fler bänkar i stadsparken', proposal: 'Kommunen ställer ut tio nya bänkar längs gångvägarna i stadsparken så att äldre kan vila.', background: 'Det är över 400 meter mellan bänkarna vid dammen i dag.', proposer: 'Karin Lind', state: { open: { votes: 142, windowDays: 90 } } },
    { title: 'Gratis simning för barn på söndagar', proposal: 'Barn under 12 år badar gratis i Småköpings simhall på söndagar klockan 9–12.', background: 'Många familjer har svårt att betala för simning varje vecka.', proposer: 'Birgitta Sjöberg', state: { open: { votes: 31, windowDays: 9 } } },
    { title: 'Cykelbana längs Storgatan', proposal: 'Kommunen bygger en sammanhängande cykelbana på båda sidor av Storgatan från stationen till skolan.', background: 'Många skolbarn cyklar i körbanan i rusningstrafik.', proposer: 'Erik Holm', state: { moderation: true } },
  ],
};

const voterActor = (tenantId: string): Actor => ({ kind: 'user', tenantId, id: randomUUID(), displayName: 'Demo', roles: ['participant'] });

export async function petitionDemoData(deps: PetitionDeps, tenantId: string, country: Country): Promise<void> {
  const [any] = await deps.db.withTenant(tenantId, (tx) => select<{ n: number }>(deps.db, tx, 'SELECT count(*)::integer AS n FROM petitions'));
  if ((any?.n ?? 0) > 0) return;
  const anonymous: CommandContext = { tenantId, actor: { kind: 'anonymous', tenantId } };
  // The demo's moderation is the tenant's provisioning (policies.ts lets it moderate, as it sets up what an administrator could).
  const moderator: CommandContext = { tenantId, actor: provisioningActor(tenantId) };
  let voter = 0;
  for (const p of DEMO[country]) {
    const ascii = p.proposer.toLowerCase().replace(/æ/g, 'ae').replace(/[øö]/g, 'o').replace(/[åä]/g, 'a');
    const email = `${ascii.replace(/[^a-z]+/g, '.')}@example.${country === 'DK' ? 'dk' : 'se'}`;
    const proposed = await proposePetition(deps, anonymous, { answers: { title: p.title, proposal: p.proposal, background: p.background, proposerName: p.proposer, proposerEmail: email } });
    await confirmPetitionEmail(deps, anonymous, proposed.confirmToken);
    if ('returned' in p.state) await returnPetition(deps, moderator, proposed.id, { message: p.state.returned });
    if ('open' in p.state) {
      await approvePetition(deps, moderator, proposed.id, { windowDays: p.state.open.windowDays });
      for (let i = 0; i < p.state.open.votes; i++) await castVote(deps, { tenantId, actor: voterActor(tenantId) }, proposed.id, syntheticPersonalNumber(country, voter++));
    }
  }
}
