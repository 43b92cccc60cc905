import { DateTime } from './luxon.js';

/** Weeks the activity calendar covers. */
export const CALENDAR_WEEKS = 8;

/** The calendar's days: CALENDAR_WEEKS weeks ending on the later of `now`'s day and the window's last day. */
export function calendarSpan(window: { end: string; timeZone: string }, now: Date = new Date()): { from: string; to: string } {
  const zone = window.timeZone;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  // The window's end is the (excluded) midnight after its last day.
  const lastOfWindow = DateTime.fromISO(window.end, { zone }).minus({ days: 1 }).startOf('day');
  const last = lastOfWindow.isValid && lastOfWindow > today ? lastOfWindow : today;
  const first = last.minus({ days: CALENDAR_WEEKS * 7 - 1 });
  return { from: first.toFormat('yyyy-MM-dd'), to: last.toFormat('yyyy-MM-dd') };
}

/** Epoch seconds of the midnights (in `timeZone`) from `from` to the day after `to`: one more than the days (≤ 400). */
export function dayBoundaries(from: string, to: string, timeZone: string): number[] {
  const first = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const last = DateTime.fromISO(to, { zone: timeZone }).startOf('day');
  const boundaries: number[] = [];
  if (!first.isValid || !last.isValid) return boundaries;
  // A day is walked by the calendar, not by 24 hours: DST days last 23 or 25 hours.
  for (let day = first; day <= last.plus({ days: 1 }) && boundaries.length <= 400; day = day.plus({ days: 1 })) {
    boundaries.push(Math.floor(day.toSeconds()));
  }
  return boundaries;
}

/** The day (`YYYY-MM-DD` in `timeZone`) of an epoch-second time. */
export function dayOfTime(seconds: number, timeZone: string): string {
  return DateTime.fromSeconds(seconds, { zone: timeZone }).toFormat('yyyy-MM-dd');
}

/** 0 (Sunday) to 6 (Saturday) for a `YYYY-MM-DD` day, -1 for anything else; the weekday does not depend on a zone. */
export function weekdayOf(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return -1;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay();
}
