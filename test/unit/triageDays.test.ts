import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activityCalendar, commitDay, daySections } from '../../src/core/report/days.js';
import { CALENDAR_WEEKS, calendarSpan, dayBoundaries, dayOfTime, weekdayOf } from '../../src/core/time/calendar.js';
import { emptyAnalysis, makeCommit } from '../support/sampleReport.js';
import { triageRepository } from '../support/sampleTriage.js';

const SHANGHAI = { dateField: 'committer' as const, timeZone: 'Asia/Shanghai' };

test('a commit\'s day is its date in the window\'s time zone, by the window\'s date field', () => {
  const commit = makeCommit({ sha: 'a'.repeat(40), subject: 's', date: '2026-01-21T23:30:00-05:00', analysis: emptyAnalysis() });
  assert.equal(commitDay(commit, SHANGHAI), '2026-01-22');
  assert.equal(commitDay(commit, { dateField: 'committer', timeZone: 'America/New_York' }), '2026-01-21');
  commit.author = { ...commit.author, date: '2026-01-25T01:00:00Z' };
  assert.equal(commitDay(commit, { dateField: 'author', timeZone: 'UTC' }), '2026-01-25');
});

test('day sections list the days with commits, newest first, with their counts and commits in order', () => {
  const repo = triageRepository('en', ['2026-01-22', '2026-01-21', '2026-01-20']);
  const days = daySections(repo.commits, SHANGHAI);
  assert.deepEqual(days.map((day) => [day.day, day.commits, day.high, day.medium, day.low]), [
    ['2026-01-22', 3, 1, 0, 2], ['2026-01-21', 3, 0, 1, 2], ['2026-01-20', 2, 0, 0, 2],
  ]);
  assert.deepEqual(days.flatMap((day) => day.shas), repo.commits.map((commit) => commit.sha));
  assert.deepEqual(daySections([], SHANGHAI), []);
});

test('the calendar spans eight weeks ending on the later of today and the window\'s last day', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const past = calendarSpan({ end: '2026-01-23T00:00:00+08:00', timeZone: 'Asia/Shanghai' }, now);
  assert.deepEqual(past, { from: '2026-01-14', to: '2026-03-10' });
  const future = calendarSpan({ end: '2026-04-01T00:00:00+08:00', timeZone: 'Asia/Shanghai' }, now);
  assert.equal(future.to, '2026-03-31');
  const boundaries = dayBoundaries(past.from, past.to, 'Asia/Shanghai');
  assert.equal(boundaries.length, CALENDAR_WEEKS * 7 + 1);
});

test('calendar days follow the zone\'s midnights, 23-hour DST days included', () => {
  // 2026-03-08 is 23 hours long in New York (clocks go forward at 02:00).
  const boundaries = dayBoundaries('2026-03-07', '2026-03-09', 'America/New_York');
  assert.deepEqual(boundaries.slice(1).map((value, index) => (value - boundaries[index]!) / 3600), [24, 23, 24]);
  const at = (iso: string): number => Date.parse(iso) / 1000;
  const calendar = activityCalendar(
    [at('2026-03-08T23:30:00-04:00'), at('2026-03-09T00:30:00-04:00'), at('2026-03-07T00:00:00-05:00'), at('2026-03-06T23:59:59-05:00'),
      at('2026-03-10T00:00:00-04:00')],
    { from: '2026-03-07', to: '2026-03-09' },
    'America/New_York',
  );
  assert.deepEqual(calendar, { from: '2026-03-07', to: '2026-03-09', counts: [1, 1, 1] });
  assert.equal(dayOfTime(at('2026-03-08T23:30:00-04:00'), 'America/New_York'), '2026-03-08');
  assert.equal(dayOfTime(at('2026-03-08T23:30:00-04:00'), 'Asia/Shanghai'), '2026-03-09');
});

test('weekdays are the calendar\'s, whatever the zone', () => {
  assert.equal(weekdayOf('2026-01-22'), 4);
  assert.equal(weekdayOf('2026-03-08'), 0);
  assert.equal(weekdayOf('nope'), -1);
});
