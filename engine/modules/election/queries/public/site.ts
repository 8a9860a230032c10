// The election's pages on the public site, for anyone: the active elections, the front page's text (only while an
// election is active: otherwise the site says there is none), the FAQ (only when switched on), the privacy
// statement (the newest published version of the consent-statement form the tenant chose) and the contact details.
import type { Actor } from '../../../../actors';
import { authorize } from '../../../../policies';
import { select, type ElectionDeps } from '../../db';
import { findSite, type LocalizedText, type SiteRow } from '../config/site';

/** At most this many active elections are shown (a tenant rarely has more than one). */
const ELECTIONS = 20;

export interface PublicSite {
  elections: { id: string; title: string; electionDay: string; firstTaskDate: string | null; lastTaskDate: string | null }[];
  frontPage: LocalizedText | null;
  faq: SiteRow['faq'] | null;
  privacy: { formId: string; version: number; title: LocalizedText; text: LocalizedText } | null;
  contact: SiteRow['contact'];
}

interface ElectionRow {
  id: string;
  title: string;
  election_day: string;
  first_task_date: string | null;
  last_task_date: string | null;
}

/** Only the languages' strings of a stored per-language object (a form's texts may hold anything). */
const texts = (value: unknown): LocalizedText => {
  const out: LocalizedText = {};
  if (value && typeof value === 'object') {
    for (const l of ['da', 'sv', 'en'] as const) {
      const v = (value as Record<string, unknown>)[l];
      if (typeof v === 'string') out[l] = v;
    }
  }
  return out;
};

export async function publicSite(deps: ElectionDeps, actor: Actor, tenantId: string): Promise<PublicSite> {
  authorize(actor, 'site.view', { tenantId });
  const { db } = deps;
  return db.withTenant(tenantId, async (tx) => {
    const site = await findSite(db, tx);
    const elections = await select<ElectionRow>(
      db,
      tx,
      `SELECT id, title, election_day::text AS election_day, first_task_date::text AS first_task_date, last_task_date::text AS last_task_date
         FROM elections WHERE active ORDER BY election_day, title LIMIT ${ELECTIONS}`,
    );
    let privacy: PublicSite['privacy'] = null;
    if (site.privacy_form_id) {
      const [form] = await select<{ version: number; title: unknown; text: unknown }>(
        db,
        tx,
        "SELECT version, definition->'title' AS title, definition->'consent'->'text' AS text FROM form_versions WHERE definition_id = $1 ORDER BY version DESC LIMIT 1",
        [site.privacy_form_id],
      );
      if (form) privacy = { formId: site.privacy_form_id, version: form.version, title: texts(form.title), text: texts(form.text) };
    }
    return {
      elections: elections.map((e) => ({ id: e.id, title: e.title, electionDay: e.election_day, firstTaskDate: e.first_task_date, lastTaskDate: e.last_task_date })),
      frontPage: elections.length ? site.front_page : null,
      faq: site.faq_enabled ? site.faq : null,
      privacy,
      contact: site.contact,
    };
  });
}
