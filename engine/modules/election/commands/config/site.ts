// The public site's election pages, one row per tenant, replaced whole: the front page's text per language, the
// FAQ (on or off, with its entries), the privacy statement (a consent-statement form of the tenant) and whether
// consent is asked, and contact information. The texts' sizes are checked as the table stores them (jsonb as
// text, UTF-8): 400 election.pageTooLarge naming the field, before anything is written. Audited with the names of
// the changed fields only.
import type { ElectionSiteInput } from '../../../../../schemas/types/election-config-site';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { execute, select, type ElectionDeps } from '../../db';
import { electionInvalid } from '../../errors';
import { findSite, type SiteRow } from '../../queries/config/site';
import { assertFormKind, changedFields, checked, writeConfig } from './common';

/** The table's limits (migration 0016's CHECKs), in bytes of the stored jsonb's text. */
const LIMITS = { front_page: 32768, faq: 65536, contact: 4000 } as const;
const FIELD = { front_page: '/frontPage', faq: '/faq', contact: '/contact' } as const;

/** Empty texts are no text: a language without one is left out. */
function texts<T extends Record<string, string | undefined>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as T;
}

export async function updateSite(deps: ElectionDeps, ctx: CommandContext, input: unknown): Promise<SiteRow> {
  const body = checked<ElectionSiteInput>('config-site', input);
  const next = {
    front_page: texts(body.frontPage),
    faq_enabled: body.faqEnabled,
    faq: body.faq.map((e) => ({ question: texts(e.question), answer: texts(e.answer) })),
    privacy_form_id: body.privacyFormId ?? null,
    consent_enabled: body.consentEnabled,
    contact: texts(body.contact),
  };
  return writeConfig(deps, ctx, '/', async (tx) => {
    for (const column of ['front_page', 'faq', 'contact'] as const) {
      const [size] = await select<{ bytes: number }>(deps.db, tx, 'SELECT octet_length($1::jsonb::text) AS bytes', [JSON.stringify(next[column])]);
      if (size!.bytes > LIMITS[column]) throw electionInvalid(FIELD[column], 'election.pageTooLarge', `must be at most ${LIMITS[column]} bytes in all`, { limit: LIMITS[column] });
    }
    await assertFormKind(deps.db, tx, next.privacy_form_id, 'consentStatement', '/privacyFormId');
    const before = await findSite(deps.db, tx, true);
    await execute(
      deps.db,
      tx,
      `INSERT INTO election_site (tenant_id, front_page, faq_enabled, faq, privacy_form_id, consent_enabled, contact, updated_at) VALUES ($1, $2::jsonb, $3, $4::jsonb, $5, $6, $7::jsonb, now())
       ON CONFLICT (tenant_id) DO UPDATE SET front_page = EXCLUDED.front_page, faq_enabled = EXCLUDED.faq_enabled, faq = EXCLUDED.faq, privacy_form_id = EXCLUDED.privacy_form_id,
         consent_enabled = EXCLUDED.consent_enabled, contact = EXCLUDED.contact, updated_at = now()`,
      [ctx.tenantId, JSON.stringify(next.front_page), next.faq_enabled, JSON.stringify(next.faq), next.privacy_form_id, next.consent_enabled, JSON.stringify(next.contact)],
    );
    const { updated_at: _at, ...old } = before;
    await recordAudit(deps.db, tx, ctx, { action: 'election.siteUpdated', entityType: 'electionSite', entityId: ctx.tenantId, summary: { changed: changedFields(old, next), faqEntries: next.faq.length, privacyFormId: next.privacy_form_id } });
    return findSite(deps.db, tx);
  });
}
