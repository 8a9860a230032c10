// The e-services' answers as the API sends them (schemas/eservices/): times as ISO text.
import type { MySubmissions } from '../../../schemas/types/eservices-my-submissions';
import type { EServices } from '../../../schemas/types/eservices-services';

type Row = Omit<MySubmissions['submissions'][number], 'submittedAt' | 'endedAt'> & { submittedAt: Date | string; endedAt: Date | string | null };

export const presentMySubmissions = (rows: Row[]): MySubmissions => ({
  submissions: rows.map((r) => ({ ...r, submittedAt: new Date(r.submittedAt).toISOString(), endedAt: r.endedAt ? new Date(r.endedAt).toISOString() : null })),
});

/** Each e-service with its page on the public site, by its readable address. */
export const presentEServices = (rows: Omit<EServices['services'][number], 'path'>[]): EServices => ({
  services: rows.map((r) => ({ ...r, description: r.description ?? null, path: `/forms/${r.slug}` })),
});
