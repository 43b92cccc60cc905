import type { AnalyzedCommit, ReportWindow } from '../domain/report.js';
import type { ActivityCalendar, DaySection } from '../domain/triage.js';
import { formatTimestamp } from '../time/format.js';
import { dayBoundaries } from '../time/calendar.js';

/** The commit's day (`YYYY-MM-DD`) by the window's date field, in the window's time zone. */
export function commitDay(commit: AnalyzedCommit, window: Pick<ReportWindow, 'dateField' | 'timeZone'>): string {
  const person = window.dateField === 'author' ? commit.author : commit.committer;
  return formatTimestamp(person.date, window.timeZone).slice(0, 10);
}

/** The commits by day, newest day first; each day's commits keep their order (newest first). Empty days are left out. */
export function daySections(commits: readonly AnalyzedCommit[], window: Pick<ReportWindow, 'dateField' | 'timeZone'>): DaySection[] {
  const byDay = new Map<string, DaySection>();
  for (const commit of commits) {
    const day = commitDay(commit, window);
    let section = byDay.get(day);
    if (section === undefined) {
      section = { day, commits: 0, high: 0, medium: 0, low: 0, shas: [] };
      byDay.set(day, section);
    }
    section.commits += 1;
    section[commit.analysis.importance] += 1;
    section.shas.push(commit.sha);
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
}

/** Counts of the given epoch-second times per calendar day from `from` to `to` (times outside are ignored). */
export function activityCalendar(times: Iterable<number>, span: { from: string; to: string }, timeZone: string): ActivityCalendar {
  const boundaries = dayBoundaries(span.from, span.to, timeZone);
  const counts = new Array<number>(Math.max(0, boundaries.length - 1)).fill(0);
  for (const time of times) {
    const index = dayIndex(boundaries, time);
    if (index >= 0) counts[index]! += 1;
  }
  return { from: span.from, to: span.to, counts };
}

/** The day whose [start, next start) holds `time`, by binary search; -1 outside. */
function dayIndex(boundaries: readonly number[], time: number): number {
  if (boundaries.length < 2 || time < boundaries[0]! || time >= boundaries[boundaries.length - 1]!) return -1;
  let low = 0;
  let high = boundaries.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (boundaries[middle]! <= time) low = middle;
    else high = middle - 1;
  }
  return low;
}
