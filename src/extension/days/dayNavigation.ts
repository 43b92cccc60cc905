// Moving between days: the day before or after the open one, whether there is a next day yet, and the day an empty
// report points to. Pure (no vscode): the commands and the controller use it, the unit tests check it.
import type { PeriodSpec } from '../../core/domain/options.js';
import type { ReportWindow } from '../../core/domain/report.js';

/** What moving needs of the shown report: its window's label. */
export interface ShownWindow {
  window: Pick<ReportWindow, 'label'>;
}
import { adjacentDay, lastDayOf } from '../../shared/days.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period of one calendar day `YYYY-MM-DD`, or undefined for anything else (a command's argument is data). */
export function dayPeriod(day: unknown): PeriodSpec | undefined {
  return typeof day === 'string' && DAY.test(day) ? { kind: 'day', day } : undefined;
}

/**
 * The day to open before (or after) the shown report's window; undefined when there is no report or, going
 * forward, when the window already reaches `today` (nothing has landed after today).
 */
export function adjacentPeriod(report: ShownWindow | undefined, direction: 'previous' | 'next', today: string):
  PeriodSpec | undefined {
  if (report === undefined) return undefined;
  if (direction === 'next' && !canGoNext(report, today)) return undefined;
  return dayPeriod(adjacentDay(report.window.label, direction));
}

/** Whether a day after the shown window can have commits: its last day is before today. */
export function canGoNext(report: ShownWindow, today: string): boolean {
  return lastDayOf(report.window.label) < today;
}
