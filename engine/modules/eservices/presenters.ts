// The e-services' answers as the API sends them (schemas/eservices/): times as ISO text.
import type { MySubmissions } from '../../../schemas/types/eservices-my-submissions';

type Row = Omit<MySubmissions['submissions'][number], 'submittedAt' | 'endedAt'> & { submittedAt: Date | string; endedAt: Date | string | null };

export const presentMySubmissions = (rows: Row[]): MySubmissions => ({
  submissions: rows.map((r) => ({ ...r, submittedAt: new Date(r.submittedAt).toISOString(), endedAt: r.endedAt ? new Date(r.endedAt).toISOString() : null })),
});
