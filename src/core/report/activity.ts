import { commitTimes } from '../git/activity.js';
import type { CommitTime } from '../git/activity.js';
import type { ReadOptions } from '../domain/options.js';
import type { DateField, ReportWindow } from '../domain/report.js';
import type { ActivityCalendar } from '../domain/triage.js';
import { calendarSpan, dayBoundaries, dayOfTime } from '../time/calendar.js';
import { activityCalendar } from './days.js';

type HistoryOptions = Pick<ReadOptions, 'ref' | 'merges' | 'authors' | 'excludeAuthors' | 'paths'>;

function timeOf(commit: CommitTime, dateField: DateField): number {
  return dateField === 'author' ? commit.authorTime : commit.committerTime;
}

/**
 * The day (`YYYY-MM-DD` in `timeZone`) of the newest commit of `options.ref` that the read's filters keep, by
 * `dateField`: one `git log -1` (a few more when authors are excluded). Undefined when there is none, or git fails.
 */
export async function lastCommitDay(
  repoPath: string,
  options: HistoryOptions,
  dateField: DateField,
  timeZone: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const newest = (await commitTimes(repoPath, options, { limit: 1, signal }))?.[0];
  return newest === undefined ? undefined : dayOfTime(timeOf(newest, dateField), timeZone);
}

/**
 * Commits per day over the calendar's weeks (calendarSpan), with the read's filters, from one `git log --since`.
 * Undefined when git fails.
 */
export async function readActivityCalendar(
  repoPath: string,
  options: HistoryOptions,
  window: Pick<ReportWindow, 'end' | 'timeZone' | 'dateField'>,
  now?: Date,
  signal?: AbortSignal,
): Promise<ActivityCalendar | undefined> {
  const span = calendarSpan(window, now);
  const start = dayBoundaries(span.from, span.from, window.timeZone)[0];
  if (start === undefined) return undefined;
  // git's --since stops at the first commit older than it: a day more lets a few out-of-order dates in.
  const times = await commitTimes(repoPath, options, { sinceSeconds: start - 86_400, signal });
  if (times === undefined) return undefined;
  return activityCalendar(times.map((time) => timeOf(time, window.dateField)), span, window.timeZone);
}
