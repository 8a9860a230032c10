// What the petition's flow says about it: the parameters of the flow version its instance runs (the vote
// window's length, the thresholds, who may vote), as the administrator set them in the flow editor. A petition
// keeps the version it started with, so a change to the flow applies to petitions proposed after it.
import type { Transaction } from 'sequelize';
import type { Database } from '../../db/database';
import builtinPetitionFlow from './builtin/petition.flow.json';
import { PETITION_SUBJECT, select } from './db';

/** The parameters the module reads of its flow (each a whole number in builtin/petition.flow.json). */
const PARAMETER_NAMES = ['windowDays', 'maxExtensionDays', 'threshold1', 'threshold2', 'moderationTargetDays', 'minimumAssurance', 'residentsOnly', 'minimumAge', 'proposerRetentionDays'] as const;

export type PetitionParameters = Record<(typeof PARAMETER_NAMES)[number], number>;

/** The built-in petition flow's defaults, read from its file, for a petition without an instance (tests of the data layer). */
export const DEFAULT_PETITION_PARAMETERS: Readonly<PetitionParameters> = Object.freeze(
  Object.fromEntries(
    PARAMETER_NAMES.map((name) => {
      const value = (builtinPetitionFlow.parameters.properties as Record<string, { default?: unknown }>)[name]?.default;
      if (typeof value !== 'number') throw new Error(`builtin/petition.flow.json has no number default for the parameter ${name}`);
      return [name, value];
    }),
  ) as PetitionParameters,
);

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
