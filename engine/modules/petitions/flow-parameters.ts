// What the petition's flow says about it: the parameters of the flow version its instance runs (the vote
// window's length, the thresholds, who may vote), as the administrator set them in the flow editor. A petition
// keeps the version it started with, so a change to the flow applies to petitions proposed after it.
import type { Transaction } from 'sequelize';
import type { Database } from '../../db/database';
import { PETITION_SUBJECT, select } from './db';

/** The built-in petition flow's defaults (builtin/petition.flow.json), for a petition without an instance (tests of the data layer). */
export const DEFAULT_PETITION_PARAMETERS = {
  windowDays: 90,
  maxExtensionDays: 30,
  threshold1: 100,
  threshold2: 500,
  moderationTargetDays: 5,
  minimumAssurance: 2,
  residentsOnly: 1,
  minimumAge: 15,
  proposerRetentionDays: 90,
} as const;

export type PetitionParameters = { -readonly [K in keyof typeof DEFAULT_PETITION_PARAMETERS]: number };

/** The threshold parameters, in order: `threshold<N>` is crossed as the event `petition.threshold<N>Reached`. */
export const THRESHOLD_PARAMETERS = ['threshold1', 'threshold2'] as const;

/** The parameters of the petition's flow instance (the latest one started for it), else the defaults. */
export async function petitionParameters(db: Database, tx: Transaction, petitionId: string): Promise<PetitionParameters> {
  const [row] = await select<{ parameters: Record<string, unknown> | null }>(
    db,
    tx,
    `SELECT v.parameters FROM flow_instances i JOIN flow_versions v ON v.definition_id = i.definition_id AND v.version = i.version
      WHERE i.subject_type = $1 AND i.subject_id = $2 ORDER BY i.started_at DESC LIMIT 1`,
    [PETITION_SUBJECT, petitionId],
  );
  // A version's parameters are fixed when it is published (flow_versions.parameters), as its instances run them.
  const values = row?.parameters ?? {};
  const out = { ...DEFAULT_PETITION_PARAMETERS } as PetitionParameters;
  for (const key of Object.keys(out) as (keyof PetitionParameters)[]) if (typeof values[key] === 'number') out[key] = values[key];
  return out;
}

/** The events a crossing of `threshold` votes is told to the flow as (one per threshold parameter of that value). */
export function thresholdEvents(parameters: PetitionParameters, threshold: number): string[] {
  return THRESHOLD_PARAMETERS.map((p, i) => (parameters[p] === threshold ? `petition.threshold${i + 1}Reached` : undefined)).filter((e): e is string => e !== undefined);
}
