// Who the deletion after an election deletes and who it keeps, and why: the participants who hold a task of the
// election (the slots are still theirs after the election day), each decided as
//   keepLaterElection — they also hold a task of an election with a later election day (that election's deletion
//                       decides about them);
//   keepConsent       — they consented, on the public site, to be kept for the next election (the site's consent
//                       statement, not withdrawn): kept until the consent's date plus the tenant's consent period;
//   delete            — everyone else.
// The same query answers the review list (with names, for the administrators' page) and the deletion's items
// (ids only). Dates are compared with `asOf`, the workflow's clock, so time skipping moves them as real days would.
import type { Transaction } from 'sequelize';
import type { Database } from '../../../db/database';
import { select } from '../db';

export type RetentionDecision = 'delete' | 'keepConsent' | 'keepLaterElection';

export interface RetentionSettings {
  monthsAfterElection: number;
  consentMonths: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { monthsAfterElection: 3, consentMonths: 48 };
/** The upper bounds an administrator may set (also the table's CHECKs, migration 0034). */
export const MAX_MONTHS_AFTER_ELECTION = 12;
export const MAX_CONSENT_MONTHS = 60;
/** The review list opens this many days before the deletion date. */
export const REVIEW_DAYS_BEFORE = 14;
/** A postponement moves the deletion by at most this many days. */
export const MAX_POSTPONE_DAYS = 92;

export async function retentionSettings(db: Database, tx: Transaction): Promise<RetentionSettings> {
  const [row] = await select<{ months_after_election: number; consent_months: number }>(db, tx, 'SELECT months_after_election, consent_months FROM election_retention_settings');
  return row ? { monthsAfterElection: row.months_after_election, consentMonths: row.consent_months } : { ...DEFAULT_RETENTION };
}

export interface ElectionDates {
  electionDay: string;
  lastTaskDate: string | null;
  active: boolean;
  /** The date the deletion is due: the postponement's, else election day plus the tenant's months. */
  deletionDate: string;
  /** REVIEW_DAYS_BEFORE days before deletionDate. */
  reviewDate: string;
  /** The day after the last task date, when an active election becomes inactive (null: no last task date). */
  deactivateOn: string | null;
  /** The latest date a postponement may choose. */
  latestPostponement: string;
}

/** The election's dates for its deletion; undefined when there is no such election. */
export async function electionRetentionDates(db: Database, tx: Transaction, electionId: string, settings: RetentionSettings): Promise<ElectionDates | undefined> {
  const [row] = await select<{ election_day: string; last_task_date: string | null; active: boolean; deletion_date: string; review_date: string; deactivate_on: string | null; latest: string }>(
    db,
    tx,
    `SELECT e.election_day::text, e.last_task_date::text, e.active,
            d.deletion_date::text, (d.deletion_date - $3::integer)::text AS review_date, (e.last_task_date + 1)::text AS deactivate_on,
            least(d.deletion_date + $4::integer, (e.election_day + make_interval(months => $5::integer))::date)::text AS latest
       FROM elections e
       LEFT JOIN election_retentions r ON r.election_id = e.id
       CROSS JOIN LATERAL (SELECT coalesce(r.postponed_until, (e.election_day + make_interval(months => $2::integer))::date) AS deletion_date) d
      WHERE e.id = $1`,
    [electionId, settings.monthsAfterElection, REVIEW_DAYS_BEFORE, MAX_POSTPONE_DAYS, MAX_MONTHS_AFTER_ELECTION],
  );
  if (!row) return undefined;
  return {
    electionDay: row.election_day,
    lastTaskDate: row.last_task_date,
    active: row.active,
    deletionDate: row.deletion_date,
    reviewDate: row.review_date,
    deactivateOn: row.deactivate_on,
    latestPostponement: row.latest,
  };
}

export interface DecidedParticipant {
  participantId: string;
  decision: RetentionDecision;
  /** keepConsent: the last day the consent keeps them; null otherwise. */
  consentUntil: string | null;
  /** keepLaterElection: the later election's id; null otherwise. */
  laterElectionId: string | null;
}

const DECISION_SQL = `
  WITH people AS (
    -- Everyone the election touched, not only who holds a slot now: someone invited and removed, who cancelled,
    -- who declined, or was told anything about it is its participant too, and goes with its deletion.
    SELECT s.participant_id AS id FROM task_slots s WHERE s.election_id = $1 AND s.participant_id IS NOT NULL
    UNION SELECT a.participant_id FROM task_assignments a WHERE a.election_id = $1
    UNION SELECT r.participant_id FROM task_rejections r WHERE r.election_id = $1
    UNION SELECT m.participant_id FROM participant_messages m WHERE m.election_id = $1),
  this_election AS (SELECT election_day FROM elections WHERE id = $1)
  SELECT p.id AS participant_id,
         later.id AS later_election_id,
         consent.until::text AS consent_until
    FROM people pp JOIN participants p ON p.id = pp.id
    LEFT JOIN LATERAL (
      SELECT e2.id FROM task_slots s2 JOIN elections e2 ON e2.id = s2.election_id
       WHERE s2.participant_id = p.id AND e2.id <> $1 AND e2.election_day > (SELECT election_day FROM this_election)
       ORDER BY e2.election_day LIMIT 1) later ON true
    LEFT JOIN LATERAL (
      SELECT (max(c.given_at) + make_interval(months => $2::integer))::date AS until
        FROM consent_records c JOIN election_site site ON site.privacy_form_id = c.definition_id
       WHERE p.user_id IS NOT NULL AND c.user_id = p.user_id AND c.withdrawn_at IS NULL) consent ON true`;

/** Every participant of the election with the decision the deletion would make on `asOf` (a date). */
export async function decideParticipants(db: Database, tx: Transaction, electionId: string, settings: RetentionSettings, asOf: string): Promise<DecidedParticipant[]> {
  const rows = await select<{ participant_id: string; later_election_id: string | null; consent_until: string | null }>(db, tx, `${DECISION_SQL} ORDER BY p.id`, [electionId, settings.consentMonths]);
  return rows.map((r) => decide(r, asOf));
}

function decide(r: { participant_id: string; later_election_id: string | null; consent_until: string | null }, asOf: string): DecidedParticipant {
  if (r.later_election_id) return { participantId: r.participant_id, decision: 'keepLaterElection', consentUntil: null, laterElectionId: r.later_election_id };
  if (r.consent_until && r.consent_until > asOf) return { participantId: r.participant_id, decision: 'keepConsent', consentUntil: r.consent_until, laterElectionId: null };
  return { participantId: r.participant_id, decision: 'delete', consentUntil: null, laterElectionId: null };
}

/** Whether a participant kept by consent still is, on `asOf`: their consent neither withdrawn nor expired. */
export async function consentStillKeeps(db: Database, tx: Transaction, participantIds: string[], settings: RetentionSettings, asOf: string): Promise<Map<string, string>> {
  const rows = await select<{ id: string; until: string | null }>(
    db,
    tx,
    `SELECT p.id, (SELECT (max(c.given_at) + make_interval(months => $2::integer))::date::text
                     FROM consent_records c JOIN election_site site ON site.privacy_form_id = c.definition_id
                    WHERE c.user_id = p.user_id AND c.withdrawn_at IS NULL) AS until
       FROM participants p WHERE p.id = ANY($1::uuid[])`,
    [participantIds, settings.consentMonths],
  );
  return new Map(rows.filter((r) => r.until !== null && r.until > asOf).map((r) => [r.id, r.until!]));
}
