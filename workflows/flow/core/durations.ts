// Calendar arithmetic in the tenant's time zone (Luxon, on the Intl time-zone data that the workflow sandbox
// has too). "A month after 31 January" is the last day of February; "2 days at 09:00" lands at nine o'clock
// local time whatever the daylight-saving offset is on that day. Pure: no clock is read here.
import { DateTime } from 'luxon';
import type { Amount, Duration } from '../../../schemas/types/flows-flow-definition-draft';

export type Parameters = Record<string, unknown>;

export function resolveAmount(amount: Amount | undefined, params: Parameters): number {
  if (amount === undefined) return 0;
  if (typeof amount === 'number') return amount;
  const value = params[amount.$param];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`parameter "${amount.$param}" is not a number`);
  return value;
}

function units(duration: Duration, params: Parameters, times: number) {
  return {
    months: resolveAmount(duration.months, params) * times,
    weeks: resolveAmount(duration.weeks, params) * times,
    days: resolveAmount(duration.days, params) * times,
    hours: resolveAmount(duration.hours, params) * times,
    minutes: resolveAmount(duration.minutes, params) * times,
  };
}

function atTimeOfDay(dt: DateTime, at: string | undefined): DateTime {
  if (!at) return dt;
  const [hour, minute] = at.split(':').map(Number);
  return dt.set({ hour: hour!, minute: minute!, second: 0, millisecond: 0 });
}

function parse(iso: string, zone: string): DateTime {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`not a time: ${iso} in ${zone} (${dt.invalidReason})`);
  return dt;
}

/** `iso` plus `times` × the duration (counted from `iso`, so monthly series do not drift), as UTC ISO. */
export function addDuration(iso: string, duration: Duration, params: Parameters, zone: string, times = 1): string {
  return atTimeOfDay(parse(iso, zone).plus(units(duration, params, times)), duration.at).toUTC().toISO()!;
}

/** `iso` minus the duration, then at the duration's time of day. */
export function subtractDuration(iso: string, duration: Duration, params: Parameters, zone: string): string {
  return atTimeOfDay(parse(iso, zone).minus(units(duration, params, 1)), duration.at).toUTC().toISO()!;
}

/** Adds durations one after another (a deadline and its extensions). */
export function addDurations(iso: string, durations: Duration[], params: Parameters, zone: string): string {
  return durations.reduce((at, d) => addDuration(at, d, params, zone), iso);
}

/** A duration in whole minutes from a fixed point, for comparing an extension with its cap. */
export function spanMinutes(from: string, durations: Duration[], params: Parameters, zone: string): number {
  return (Date.parse(addDurations(from, durations, params, zone)) - Date.parse(from)) / 60_000;
}

export function isZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
