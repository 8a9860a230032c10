// A petition as its flow's subject: its dates (proposed, approved, closing), the facts a condition may read
// (status, votes), its person (the proposer, reached at the sealed e-mail while it is kept) and the merge
// fields of the messages to them — the petition's title, a link to it, and the confirmation or edit link when
// one is waiting to be sent (mail-link.ts; read here, in the activity, so it never enters a workflow's history).
// Deleting its personal data erases the proposer; the proposal stays public.
import { QueryTypes } from 'sequelize';
import { NotFoundError } from '../../errors';
import { shortReference } from '../../ids';
import type { SubjectFacts, SubjectType } from '../module';
import { eraseProposerOf } from './commands/erase-proposer';
import { findPetition, voteCount } from './db';
import { mailLinkPath, openMailLink } from './mail-link';
import { openProposer } from './proposer';

export const petitionSubject: SubjectType = {
  personalData: true,

  async load({ db, keyring, publicOrigin }, tx, ctx, subjectId): Promise<SubjectFacts> {
    const row = await findPetition(db, tx, subjectId).catch((err: unknown) => {
      throw err instanceof NotFoundError ? new NotFoundError('no such petition') : err;
    });
    const [site] = await db.sequelize.query<{ host: string | null; locale: 'da' | 'sv' | 'en' }>(
      "SELECT (SELECT host FROM tenant_hosts WHERE site = 'public' ORDER BY host LIMIT 1) AS host, default_locale AS locale FROM tenants WHERE id = $1",
      { bind: [ctx.tenantId], type: QueryTypes.SELECT, transaction: tx },
    );
    const origin = site?.host && publicOrigin ? publicOrigin(site.host) : '';
    const proposer = await openProposer(keyring, tx, ctx.tenantId, row);
    const mailLink = await openMailLink(keyring, tx, ctx.tenantId, row.id, row.mail_link_sealed);
    const dates: Record<string, string> = { proposedAt: row.created_at.toISOString() };
    if (row.opened_at) dates.approvedAt = row.opened_at.toISOString();
    if (row.closes_at) dates.closesAt = row.closes_at.toISOString();
    const mergeFields: Record<string, string> = {
      reference: shortReference(row.id),
      title: row.title,
      link: mailLink ? `${origin}${mailLinkPath(mailLink.kind, mailLink.token)}` : `${origin}/petitions/${row.id}`,
      votes: String(await voteCount(db, tx, row)),
      ...(row.moderation_message ? { message: row.moderation_message } : {}),
      ...(proposer ? { name: proposer.name } : {}),
    };
    return { dates, facts: { petition: { status: row.status } }, ...(proposer ? { email: proposer.email } : {}), mergeFields, ...(site?.locale ? { locale: site.locale } : {}) };
  },

  async deletePersonalData({ db }, tx, ctx, subjectId) {
    const row = await findPetition(db, tx, subjectId, { lock: true });
    return eraseProposerOf(db, tx, ctx, row);
  },
};
