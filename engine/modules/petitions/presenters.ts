// Rows → the petitions API's shapes (schemas/petitions/, checked against them in
// test/integration/response-schemas.test.ts): dates as ISO text, the days left, the next threshold, the links
// to attachments; the Atom feed and the open data (JSON and CSV, no personal data).
import { stringify } from 'csv-stringify/sync';
import type { PetitionAdminList } from '../../../schemas/types/petitions-admin-list';
import type { PetitionDetail as PetitionDetailBody } from '../../../schemas/types/petitions-detail';
import type { PetitionList } from '../../../schemas/types/petitions-list';
import type { PetitionModerationQueue } from '../../../schemas/types/petitions-moderation-queue';
import type { PetitionMyVote } from '../../../schemas/types/petitions-my-vote';
import type { PetitionOpenData } from '../../../schemas/types/petitions-open-data';
import type { PetitionReturned } from '../../../schemas/types/petitions-returned';
import { csvCell } from '../../queries/export-submissions';
import type { PetitionStatus } from './db';
import type { MyVote } from './queries/my-vote';
import type { PetitionListItem } from './queries/list-petitions';
import type { ModerationItem } from './queries/moderation-queue';
import type { OpenDataRow } from './queries/open-data';
import type { PetitionDetail } from './queries/petition-detail';
import type { AdminListItem, FeedEntry, ReturnedProposal } from './routes/queries';
import type { VoterRefusal } from './voter-rules';
import { DEFAULT_PETITION_PARAMETERS } from './flow-parameters';

const DAY_MS = 86_400_000;


const iso = (d: Date): string => new Date(d).toISOString();
const isoOrNull = (d: Date | null | undefined): string | null => (d ? iso(d) : null);

/** Whole days left to vote (0 on the last day), null when the petition is not open. */
export function daysLeft(status: PetitionStatus, closesAt: Date | null, now: number = Date.now()): number | null {
  if (status !== 'open' || !closesAt) return null;
  return Math.max(0, Math.floor((new Date(closesAt).getTime() - now) / DAY_MS));
}

export function presentList(result: { total: number; items: PetitionListItem[] }, page: number, limit: number): PetitionList {
  return {
    total: result.total,
    page,
    limit,
    items: result.items.map((p) => ({
      id: p.id,
      status: p.status as PetitionList['items'][number]['status'],
      title: p.title,
      summary: p.summary,
      votes: Number(p.votes),
      openedAt: iso(p.openedAt),
      closesAt: iso(p.closesAt),
      closedAt: isoOrNull(p.closedAt),
      answeredAt: isoOrNull(p.answeredAt),
      daysLeft: daysLeft(p.status, p.closesAt),
    })),
  };
}

export const attachmentPath = (petitionId: string, eventId: string): string => `/api/petitions/${petitionId}/attachments/${eventId}`;

export function presentDetail(d: PetitionDetail): PetitionDetailBody {
  return {
    id: d.id,
    status: d.status,
    title: d.title,
    summary: d.summary,
    content: d.content,
    proposerName: d.proposerName,
    corrected: d.corrected,
    openedAt: isoOrNull(d.openedAt),
    closesAt: isoOrNull(d.closesAt),
    closedAt: isoOrNull(d.closedAt),
    answeredAt: isoOrNull(d.answeredAt),
    votes: d.votes,
    thresholds: d.thresholds,
    nextThreshold: d.thresholds.filter((t) => t > d.votes).sort((a, b) => a - b)[0] ?? null,
    daysLeft: daysLeft(d.status, d.closesAt),
    reached: d.reached.map((r) => ({ threshold: r.threshold, at: iso(r.at) })),
    days: d.days.map((day) => ({ day: day.day, votes: Number(day.votes) })),
    timeline: d.timeline.map((e) => {
      switch (e.kind) {
        case 'published':
          return { kind: e.kind, at: iso(e.at) };
        case 'thresholdReached':
          return { kind: e.kind, at: iso(e.at), threshold: e.threshold };
        case 'closed':
          return { kind: e.kind, at: iso(e.at), votes: e.votes };
        default:
          return { kind: e.kind, at: iso(e.at), id: e.id, text: e.text, attachment: e.attachment ? { ...e.attachment, path: attachmentPath(d.id, e.id) } : null };
      }
    }),
    ...(d.moderation
      ? {
          moderation: {
            reason: d.moderation.reason,
            message: d.moderation.message,
            moderatedAt: isoOrNull(d.moderation.moderatedAt),
            original: d.moderation.original,
            resubmissions: d.moderation.resubmissions,
            waitingSince: isoOrNull(d.moderation.waitingSince),
          },
        }
      : {}),
  };
}

export function presentMyVote(vote: MyVote, refusal: VoterRefusal | undefined): PetitionMyVote {
  return { open: vote.open, voted: vote.voted, canWithdraw: vote.canWithdraw, eligible: !refusal, ...(refusal ? { refusal: { code: refusal.code, params: refusal.params, message: refusal.message } } : {}) };
}

export function presentQueue(queue: { total: number; items: ModerationItem[] }): PetitionModerationQueue {
  return {
    total: queue.total,
    // The target most of the queue has (each item says its own).
    dueDays: queue.items[0]?.dueDays ?? DEFAULT_PETITION_PARAMETERS.moderationTargetDays,
    items: queue.items.map((q) => {
      const waitingSeconds = Math.max(0, Number(q.waitingSeconds));
      return {
        id: q.id,
        title: q.title,
        summary: q.summary,
        content: q.content,
        waitingSince: iso(q.waitingSince),
        waitingSeconds,
        waitingDays: Math.floor(waitingSeconds / 86_400),
        dueDays: q.dueDays,
        // Marked by the flow's reminder, or past the target already (the reminder may not have run yet).
        overdue: q.markedOverdue || waitingSeconds >= q.dueDays * 86_400,
        resubmissions: q.resubmissions,
        corrected: q.corrected,
      };
    }),
  };
}

export function presentAdminList(result: { total: number; items: AdminListItem[] }, page: number, limit: number): PetitionAdminList {
  return {
    total: result.total,
    page,
    limit,
    items: result.items.map((p) => ({
      id: p.id,
      status: p.status,
      title: p.title,
      createdAt: iso(p.createdAt),
      confirmedAt: isoOrNull(p.confirmedAt),
      moderatedAt: isoOrNull(p.moderatedAt),
      openedAt: isoOrNull(p.openedAt),
      closesAt: isoOrNull(p.closesAt),
      closedAt: isoOrNull(p.closedAt),
      answeredAt: isoOrNull(p.answeredAt),
      votes: Number(p.votes),
      resubmissions: p.resubmissions,
    })),
  };
}

export function presentReturned(r: ReturnedProposal): PetitionReturned {
  return { id: r.id, status: 'returned', formId: r.formId, formVersion: r.formVersion, answers: r.answers, message: r.message, editExpiresAt: iso(r.editExpiresAt) };
}

// ---- Open data: what is published, never who (no proposer, no voter, no moderation). ----

export function presentOpenData(rows: OpenDataRow[], days: { petitionId: string; day: string; votes: number }[], now: Date = new Date()): PetitionOpenData {
  const byPetition = new Map<string, { day: string; votes: number }[]>();
  for (const d of days) byPetition.set(d.petitionId, [...(byPetition.get(d.petitionId) ?? []), { day: d.day, votes: Number(d.votes) }]);
  return {
    generatedAt: now.toISOString(),
    petitions: rows.map((r) => ({
      id: r.id,
      status: r.status as PetitionOpenData['petitions'][number]['status'],
      title: r.title,
      summary: r.summary,
      openedAt: iso(r.openedAt),
      closesAt: iso(r.closesAt),
      closedAt: isoOrNull(r.closedAt),
      answeredAt: isoOrNull(r.answeredAt),
      votes: Number(r.votes),
      thresholdsReached: (r.thresholdsReached ?? []).map(Number),
      votesPerDay: byPetition.get(r.id) ?? [],
    })),
  };
}

export const OPEN_DATA_CSV_COLUMNS = ['id', 'status', 'title', 'summary', 'opened_at', 'closes_at', 'closed_at', 'answered_at', 'votes', 'thresholds_reached'] as const;

/** The open data as CSV (RFC 4180, UTF-8 with a BOM for spreadsheets); cells a spreadsheet would run as formulas are neutralised. */
export function openDataCsv(rows: OpenDataRow[]): string {
  const records = rows.map((r) => [r.id, r.status, r.title, r.summary, iso(r.openedAt), iso(r.closesAt), isoOrNull(r.closedAt), isoOrNull(r.answeredAt), Number(r.votes), (r.thresholdsReached ?? []).join(';')].map(csvCell));
  return `\uFEFF${stringify([[...OPEN_DATA_CSV_COLUMNS], ...records], { record_delimiter: '\r\n' })}`;
}

// ---- The Atom feed (RFC 4287) of new and answered petitions, in the tenant's language. ----

type FeedLocale = 'da' | 'sv' | 'en';

const FEED_TEXTS: Record<FeedLocale, { title: (tenant: string) => string; published: string; answered: string }> = {
  da: { title: (t) => `${t}: borgerforslag`, published: 'Nyt borgerforslag', answered: 'Besvaret' },
  sv: { title: (t) => `${t}: e-förslag`, published: 'Nytt e-förslag', answered: 'Besvarat' },
  en: { title: (t) => `${t}: petitions`, published: 'New petition', answered: 'Answered' },
};

/** Text fit for XML: escaped, and without the characters XML 1.0 does not allow. */
export function xmlText(s: string): string {
  // XML 1.0 Char only: no control characters but tab, line feed and carriage return, no lone surrogates, no U+FFFE/U+FFFF.
  return [...s]
    .filter((c) => {
      const code = c.codePointAt(0)!;
      return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff);
    })
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function atomFeed(entries: FeedEntry[], opts: { origin: string; tenantName: string; locale: string; now?: Date }): string {
  const locale: FeedLocale = opts.locale === 'da' || opts.locale === 'sv' ? opts.locale : 'en';
  const texts = FEED_TEXTS[locale];
  const base = `${opts.origin}/petitions`;
  const updated = entries[0] ? iso(entries[0].at) : (opts.now ?? new Date()).toISOString();
  const items = entries.map((e) => {
    const link = `${base}/${e.id}`;
    return [
      '  <entry>',
      `    <id>${xmlText(`${link}#${e.kind}`)}</id>`,
      `    <title>${xmlText(`${e.kind === 'published' ? texts.published : texts.answered}: ${e.title}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(link)}"/>`,
      `    <updated>${iso(e.at)}</updated>`,
      `    <summary>${xmlText(e.summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${xmlText(base)}</id>`,
    `  <title>${xmlText(texts.title(opts.tenantName))}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(`${opts.origin}/api/petitions/feed.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(base)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xmlText(opts.tenantName)}</name></author>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
