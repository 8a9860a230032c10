// The public site's election pages as the tenant configured them; until first saved, the defaults (no texts,
// no FAQ, no privacy statement chosen, consent offered, no contact information).
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { select, type ElectionDeps } from '../../db';
import { readConfig } from './common';

export type LocalizedText = { da?: string; sv?: string; en?: string };

export interface SiteRow {
  front_page: LocalizedText;
  faq_enabled: boolean;
  faq: { question: LocalizedText; answer: LocalizedText }[];
  privacy_form_id: string | null;
  consent_enabled: boolean;
  contact: { email?: string; phone?: string; address?: string; openingHours?: string };
  updated_at: Date | null;
}

export const DEFAULT_SITE: SiteRow = { front_page: {}, faq_enabled: false, faq: [], privacy_form_id: null, consent_enabled: true, contact: {}, updated_at: null };

export async function findSite(db: Database, tx: Transaction, lock = false): Promise<SiteRow> {
  const [row] = await select<SiteRow>(db, tx, `SELECT front_page, faq_enabled, faq, privacy_form_id, consent_enabled, contact, updated_at FROM election_site${lock ? ' FOR UPDATE' : ''}`);
  return row ?? structuredClone(DEFAULT_SITE);
}

export async function getSite(deps: ElectionDeps, actor: Actor): Promise<SiteRow> {
  return readConfig(deps, actor, (tx) => findSite(deps.db, tx));
}
