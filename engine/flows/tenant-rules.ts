// What a flow takes from its tenant: the time zone its durations count in (by country) and the longest the
// tenant keeps personal data in a flow (tenant settings, retention.personalDataMonths).
import type { TenantSettings } from '../../schemas/types/tenant-settings';

const ZONE_OF_COUNTRY: Record<string, string> = { DK: 'Europe/Copenhagen', SE: 'Europe/Stockholm' };

/** When a tenant has not said otherwise, personal data in a flow may be kept at most this long. */
export const DEFAULT_RETENTION_MONTHS = 24;

export const zoneOf = (country: string): string => ZONE_OF_COUNTRY[country] ?? 'UTC';

export const retentionMonthsOf = (settings: Pick<TenantSettings, 'retention'> | undefined): number => settings?.retention?.personalDataMonths ?? DEFAULT_RETENTION_MONTHS;
