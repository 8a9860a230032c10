// A published petition's page as served, before any JavaScript (Module.publicPageHead): its title, its count
// and closing date in the description and Open Graph tags, and its text, so a shared link previews correctly
// and search engines and people without JavaScript can read it. Only published petitions; the proposer's name
// is not in it (the page shows it while it is kept). The words are the few a served page needs, per language.
import { match } from 'path-to-regexp';
import type { Database } from '../../db/database';
import { isUuid } from '../../ids';
import type { PublicPageHead } from '../module';
import { PUBLIC_STATUSES, select, voteCount, type PetitionContent, type PetitionRow } from './db';

const WORDS = {
  da: { votes: (n: string) => `${n} støtter`, open: (d: string) => `åbent for støtte til ${d}`, closed: 'lukket for støtte', answered: 'besvaret', handling: 'under behandling' },
  sv: { votes: (n: string) => `${n} röster`, open: (d: string) => `öppet för röster till ${d}`, closed: 'stängt för röster', answered: 'besvarat', handling: 'under behandling' },
  en: { votes: (n: string) => `${n} votes`, open: (d: string) => `open for votes until ${d}`, closed: 'closed for votes', answered: 'answered', handling: 'in handling' },
} as const;

const PAGE = match<{ id: string }>('/petitions/:id');

export async function petitionPageHead(db: Database, tenantId: string, path: string, locale: 'da' | 'sv' | 'en'): Promise<PublicPageHead | undefined> {
  const found = PAGE(path);
  if (!found || !isUuid(found.params.id)) return undefined;
  return db.withTenant(tenantId, async (tx) => {
    const [row] = await select<Pick<PetitionRow, 'id' | 'status' | 'title' | 'summary' | 'content' | 'closes_at' | 'final_count' | 'zone'>>(
      db,
      tx,
      'SELECT id, status, title, summary, content, closes_at, final_count, zone FROM petitions WHERE id = $1',
      [found.params.id],
    );
    if (!row || !PUBLIC_STATUSES.includes(row.status)) return undefined;
    const words = WORDS[locale];
    const count = words.votes((await voteCount(db, tx, row)).toLocaleString(locale));
    const state =
      row.status === 'open' && row.closes_at
        ? words.open(row.closes_at.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: row.zone }))
        : row.status === 'answered'
          ? words.answered
          : row.status === 'inHandling'
            ? words.handling
            : words.closed;
    const content = row.content as PetitionContent;
    const paragraphs = [`${count} · ${state}`, ...['proposal', 'background'].map((k) => content[k]).filter((v): v is string => typeof v === 'string' && v.trim() !== '')];
    return {
      title: row.title,
      description: `${count} · ${state}. ${row.summary}`.slice(0, 300),
      openGraph: { 'og:type': 'article' },
      body: { heading: row.title, paragraphs },
    };
  });
}
