// When the review before the deletion opens, the municipality's administrators are told by e-mail (the tenant's
// contact address, where the platform's caseworker messages go): which election, the deletion date, how many are
// to be deleted and kept, and where the list is. Counts only, never a name. Sent at most once per election: the
// idempotency key is the election's, so the workflow's later steps in the review phase (and a retried activity)
// find the message already sent. In the tenant's language.
import { QueryTypes } from 'sequelize';
import type { Locale } from '../../../db/models';
import { deliver, type DeliveryDeps } from '../../../messages/delivery';
import { decideParticipants, electionRetentionDates, retentionSettings } from './decisions';

export const REVIEW_NOTICE_TEMPLATE = 'election-retentionReview';

const TEXTS: Record<Locale, (f: { election: string; date: string; toDelete: number; toKeep: number; municipality: string }) => { subject: string; body: string }> = {
  da: (f) => ({
    subject: `Sletning efter valg: ${f.election} – listen er klar til gennemsyn`,
    body: `Personoplysningerne om valgets deltagere slettes ${f.date}: ${f.toDelete} slettes, ${f.toKeep} beholdes (samtykke eller opgave ved et senere valg).\n\nListen kan gennemses under Valgbemanding → Sletning efter valg, hvor sletningen også kan udskydes én gang med en begrundelse.\n\n${f.municipality}`,
  }),
  sv: (f) => ({
    subject: `Radering efter valet: ${f.election} – listan är klar att granska`,
    body: `Personuppgifterna om valets deltagare raderas ${f.date}: ${f.toDelete} raderas, ${f.toKeep} behålls (samtycke eller uppdrag vid ett senare val).\n\nListan kan granskas under Valbemanning → Radering efter valet, där raderingen också kan skjutas upp en gång med en motivering.\n\n${f.municipality}`,
  }),
  en: (f) => ({
    subject: `Deletion after the election: ${f.election} – the list is ready for review`,
    body: `The personal data of the election's participants is deleted on ${f.date}: ${f.toDelete} to be deleted, ${f.toKeep} kept (consent, or a task in a later election).\n\nThe list is under Election staffing → Deletion after the election, where the deletion can also be postponed once, with a reason.\n\n${f.municipality}`,
  }),
};

/** Sends (once) the notice that the election's review is open; 'noAddress' when the tenant has no contact e-mail. */
export async function sendReviewNotice(deps: DeliveryDeps, input: { tenantId: string; electionId: string; asOf: string }): Promise<'sent' | 'failed' | 'noAddress'> {
  const { db } = deps;
  const idempotencyKey = `election-retention-review/${input.electionId}`;
  const facts = await db.withTenant(input.tenantId, async (tx) => {
    // Every later step of the review phase comes here too: a notice already on its way is not worked out again.
    const [sent] = await db.sequelize.query<{ status: string }>('SELECT status FROM communication_log WHERE idempotency_key = $1', { bind: [idempotencyKey], type: QueryTypes.SELECT, transaction: tx });
    if (sent) return { already: sent.status };
    const [row] = await db.sequelize.query<{ name: string; locale: Locale; email: string | null; title: string }>(
      `SELECT t.name, t.default_locale AS locale, t.settings->'contact'->>'email' AS email, e.title
         FROM tenants t, elections e WHERE t.id = $1 AND e.id = $2`,
      { bind: [input.tenantId, input.electionId], type: QueryTypes.SELECT, transaction: tx },
    );
    if (!row) return undefined;
    const settings = await retentionSettings(db, tx);
    const dates = await electionRetentionDates(db, tx, input.electionId, settings);
    const decided = await decideParticipants(db, tx, input.electionId, settings, input.asOf.slice(0, 10));
    return { ...row, date: dates?.deletionDate ?? '', toDelete: decided.filter((d) => d.decision === 'delete').length, toKeep: decided.filter((d) => d.decision !== 'delete').length };
  });
  if (facts && 'already' in facts) return facts.already === 'sent' || facts.already === 'delivered' ? 'sent' : 'failed';
  if (!facts?.email) return 'noAddress';
  const message = TEXTS[facts.locale]({ election: facts.title, date: facts.date, toDelete: facts.toDelete, toKeep: facts.toKeep, municipality: facts.name });
  const result = await deliver(deps, {
    tenantId: input.tenantId,
    idempotencyKey,
    templateKey: REVIEW_NOTICE_TEMPLATE,
    locale: facts.locale,
    recipientLabel: 'caseworkers',
    channels: ['email'],
    recipient: { email: facts.email },
    message,
    refs: { electionId: input.electionId },
  });
  return result.status === 'sent' || result.status === 'delivered' ? 'sent' : 'failed';
}
