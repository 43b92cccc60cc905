// The periods the extension offers ("Generate Report for Date…"), the check of a typed date, and the period a
// report's window label names.
import type { PeriodSpec } from '../domain/options.js';

export type PeriodChoice = 'today' | 'yesterday' | 'last7' | 'pick';

export function periodForChoice(choice: Exclude<PeriodChoice, 'pick'>): PeriodSpec {
  switch (choice) {
    case 'today': return { kind: 'day', day: 'today' };
    case 'yesterday': return { kind: 'day', day: 'yesterday' };
    case 'last7': return { kind: 'range', since: '7d' };
  }
}

/** Why a typed date is refused; the UI words each case. */
export type DateProblem =
  | { code: 'empty' }
  | { code: 'format'; value: string }
  | { code: 'notADate'; value: string }
  | { code: 'future'; value: string; today: string }
  | { code: 'tooOld'; value: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Undefined when `input` is a usable day: `YYYY-MM-DD` (a real calendar date, not after today), today or yesterday. */
export function validateDateInput(input: string, today: string): DateProblem | undefined {
  const value = input.trim();
  if (value === '') return { code: 'empty' };
  if (value.toLowerCase() === 'today' || value.toLowerCase() === 'yesterday') return undefined;
  const match = DATE.exec(value);
  if (match === null) return { code: 'format', value };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day) {
    return { code: 'notADate', value };
  }
  if (year < 1970) return { code: 'tooOld', value };
  if (value > today) return { code: 'future', value, today };
  return undefined;
}

/** The period for an accepted typed date. */
export function periodForInput(input: string): PeriodSpec {
  return { kind: 'day', day: input.trim().toLowerCase() === 'today' || input.trim().toLowerCase() === 'yesterday'
    ? input.trim().toLowerCase() : input.trim() };
}

/** `2026-01-22` → that day; `2026-01-16..2026-01-22` → that range. */
export function periodFromLabel(label: string | undefined): PeriodSpec | undefined {
  if (label === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (day.test(label)) return { kind: 'day', day: label };
  const [since, until] = label.split('..');
  if (since !== undefined && until !== undefined && day.test(since) && day.test(until)) return { kind: 'range', since, until };
  return undefined;
}
