import { DigestError } from '../errors.js';
import type { PeriodSpec } from '../domain/options.js';
import type { DateField, ReportWindow } from '../domain/report.js';
import { DateTime, FixedOffsetZone, IANAZone } from './luxon.js';
import type { Zone } from './luxon.js';

/** A report window with its bounds as epoch milliseconds: [startMs, endMs). */
export interface ResolvedWindow extends ReportWindow {
  startMs: number;
  endMs: number;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const RELATIVE_DAYS = /^(\d{1,5})d$/;

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Turns a period into a half-open window in an IANA zone. A day is [00:00, next day 00:00) in that zone, so DST
 * days last 23 or 25 hours. `Nd` means the last N calendar days including today, as a day or as `since`.
 */
export function resolveWindow(
  period: PeriodSpec,
  timeZone: string | undefined,
  dateField: DateField,
  now: Date = new Date(),
): ResolvedWindow {
  const zone = checkedZone(timeZone ?? machineTimeZone());
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  let first: DateTime;
  let last: DateTime;
  if (period.kind === 'day' && RELATIVE_DAYS.test(period.day.trim().toLowerCase())) {
    // A span as the day (`--date 7d`): the last N days including today, as `since` takes it.
    first = parseDay(period.day, today, 'since');
    last = today;
  } else if (period.kind === 'day') {
    first = parseDay(period.day, today, 'day');
    last = first;
  } else {
    first = parseDay(period.since, today, 'since');
    last = period.until === undefined || period.until === '' ? today : parseDay(period.until, today, 'until');
    if (last < first) throw new DigestError('bad-range', { since: period.since, until: period.until ?? '' });
  }
  const start = first.startOf('day');
  const end = last.plus({ days: 1 }).startOf('day');
  const label = first.hasSame(last, 'day') && period.kind === 'day'
    ? toDay(first)
    : `${toDay(first)}..${toDay(last)}`;
  return {
    start: isoWithOffset(start),
    end: isoWithOffset(end),
    timeZone: zone.name,
    dateField,
    label,
    startMs: start.toMillis(),
    endMs: end.toMillis(),
  };
}

function checkedZone(name: string): Zone {
  // UTC needs no time-zone database: luxon's fixed zone gives the same instants without Intl.
  if (name === 'UTC') return FixedOffsetZone.utcInstance;
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new DigestError('bad-time-zone', { value: name });
  return zone;
}

/** A calendar day in the window's zone (its 00:00). */
function parseDay(value: string, today: DateTime, role: 'day' | 'since' | 'until'): DateTime {
  const text = value.trim().toLowerCase();
  if (text === 'today') return today;
  if (text === 'yesterday') return today.minus({ days: 1 });
  const relative = RELATIVE_DAYS.exec(text);
  if (relative && role !== 'day') {
    const days = Number(relative[1]);
    if (days < 1) throw new DigestError('bad-date', { value });
    // `7d` covers today and the six days before it; as `until` it names the day N-1 days ago the same way.
    return today.minus({ days: days - 1 });
  }
  const match = ISO_DAY.exec(text);
  if (!match) throw new DigestError('bad-date', { value });
  const day = DateTime.fromObject(
    { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
    { zone: today.zone },
  );
  if (!day.isValid) throw new DigestError('bad-date', { value });
  return day.startOf('day');
}

function toDay(day: DateTime): string {
  return day.toFormat('yyyy-MM-dd');
}

/** `2026-01-22T00:00:00+08:00`; always a numeric offset (toISO would write `Z` for the fixed UTC zone). */
function isoWithOffset(time: DateTime): string {
  return time.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}
