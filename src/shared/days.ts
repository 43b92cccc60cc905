// Calendar days as `YYYY-MM-DD` text: the day before or after a report's window, and the activity calendar's grid.
// A calendar day does not depend on a time zone, so plain UTC date arithmetic is exact here. Pure: used by the
// extension (previous / next day) and the webview (buttons, calendar).

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(day: string): Date | undefined {
  const match = DAY.exec(day);
  if (match === null) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? undefined : date;
}

/** The day `delta` days after `day` (before, when negative); undefined when `day` is not a calendar day. */
export function shiftDay(day: string, delta: number): string | undefined {
  const date = parseDay(day);
  if (date === undefined) return undefined;
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}

/**
 * The day to open from a report window label (`2026-01-22` or `2026-01-19..2026-01-22`): the day before its first
 * day, or the day after its last. Undefined for a label that names no day.
 */
export function adjacentDay(label: string, direction: 'previous' | 'next'): string | undefined {
  const [first, last = first] = label.split('..');
  if (first === undefined || last === undefined) return undefined;
  return direction === 'previous' ? shiftDay(first, -1) : shiftDay(last, 1);
}

/** The last day of a window label. */
export function lastDayOf(label: string): string {
  const parts = label.split('..');
  return parts[parts.length - 1] ?? label;
}

/** Whether `day` is inside the window label (one day, or an inclusive range). */
export function labelHasDay(label: string, day: string): boolean {
  const [first, last = first] = label.split('..');
  return first !== undefined && last !== undefined && first <= day && day <= last;
}

export interface CalendarCell {
  day: string;
  commits: number;
  /** 0 (Monday) to 6 (Sunday): the row of the grid. */
  row: number;
  /** The week, 0 for the first column. */
  column: number;
  /** 0 (no commit) to 4 (the busiest days), for the cell's shade. */
  level: number;
}

/** At most this many days are drawn (the calendar is eight weeks; a longer one is cut to its last days). */
const MAX_CALENDAR_DAYS = 7 * 53;

/**
 * The activity calendar as a grid: weeks in columns (Monday on top), one cell per day from `from`, `counts[i]` the
 * commits of the i-th day. Shades split the busiest day's count in four.
 */
export function calendarCells(activity: { from: string; counts: readonly number[] }): CalendarCell[] {
  const start = parseDay(activity.from);
  if (start === undefined) return [];
  const skipped = Math.max(0, activity.counts.length - MAX_CALENDAR_DAYS);
  const counts = activity.counts.slice(skipped).map((count) => (Number.isSafeInteger(count) && count > 0 ? count : 0));
  start.setUTCDate(start.getUTCDate() + skipped);
  const firstRow = (start.getUTCDay() + 6) % 7;
  const busiest = Math.max(1, ...counts);
  return counts.map((commits, index) => {
    const date = new Date(start.getTime());
    date.setUTCDate(date.getUTCDate() + index);
    const position = firstRow + index;
    return {
      day: date.toISOString().slice(0, 10),
      commits,
      row: position % 7,
      column: Math.floor(position / 7),
      level: commits === 0 ? 0 : Math.min(4, Math.ceil((commits / busiest) * 4)),
    };
  });
}

/** Today (`YYYY-MM-DD`) in an IANA time zone; the machine's zone when the name is unknown. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const format = (zone?: string): string => new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(now);
  try {
    return format(timeZone);
  } catch {
    return format();
  }
}
