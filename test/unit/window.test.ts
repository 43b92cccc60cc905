import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveWindow } from '../../src/core/time/window.js';
import { DigestError } from '../../src/core/errors.js';

const HOUR = 3600_000;

test('a day is [00:00, next 00:00) in the zone, with the zone offset in ISO', () => {
  const w = resolveWindow({ kind: 'day', day: '2026-01-22' }, 'Asia/Shanghai', 'committer');
  assert.equal(w.start, '2026-01-22T00:00:00+08:00');
  assert.equal(w.end, '2026-01-23T00:00:00+08:00');
  assert.equal(w.label, '2026-01-22');
  assert.equal(w.timeZone, 'Asia/Shanghai');
  assert.equal(w.startMs, Date.parse('2026-01-21T16:00:00Z'));
  assert.equal(w.endMs - w.startMs, 24 * HOUR);
});

test('DST days in America/New_York last 23 and 25 hours', () => {
  const spring = resolveWindow({ kind: 'day', day: '2026-03-08' }, 'America/New_York', 'committer');
  assert.equal(spring.endMs - spring.startMs, 23 * HOUR);
  assert.equal(spring.start, '2026-03-08T00:00:00-05:00');
  assert.equal(spring.end, '2026-03-09T00:00:00-04:00');
  const autumn = resolveWindow({ kind: 'day', day: '2026-11-01' }, 'America/New_York', 'author');
  assert.equal(autumn.endMs - autumn.startMs, 25 * HOUR);
  assert.equal(autumn.dateField, 'author');
});

test('today and yesterday follow the injected clock in the zone, not UTC', () => {
  const now = new Date('2026-01-22T20:00:00Z'); // already Jan 23 in Shanghai
  assert.equal(resolveWindow({ kind: 'day', day: 'today' }, 'Asia/Shanghai', 'committer', now).label, '2026-01-23');
  assert.equal(resolveWindow({ kind: 'day', day: 'yesterday' }, 'Asia/Shanghai', 'committer', now).label, '2026-01-22');
  assert.equal(resolveWindow({ kind: 'day', day: 'today' }, 'UTC', 'committer', now).label, '2026-01-22');
});

test('a range includes the whole until day; until defaults to today', () => {
  const now = new Date('2026-01-22T12:00:00Z');
  const w = resolveWindow({ kind: 'range', since: '2026-01-01', until: '2026-01-03' }, 'UTC', 'committer', now);
  assert.equal(w.label, '2026-01-01..2026-01-03');
  assert.equal(w.start, '2026-01-01T00:00:00+00:00');
  assert.equal(w.end, '2026-01-04T00:00:00+00:00');
  const open = resolveWindow({ kind: 'range', since: '2026-01-20' }, 'UTC', 'committer', now);
  assert.equal(open.end, '2026-01-23T00:00:00+00:00');
});

test('7d is the last seven calendar days including today, from 00:00 six days ago', () => {
  const now = new Date('2026-01-22T12:00:00Z');
  const w = resolveWindow({ kind: 'range', since: '7d' }, 'UTC', 'committer', now);
  assert.equal(w.label, '2026-01-16..2026-01-22');
  assert.equal(w.start, '2026-01-16T00:00:00+00:00');
  assert.equal(w.endMs - w.startMs, 7 * 24 * HOUR);
});

test('a span given as the day (--date 7d) is the same range as --since 7d; 1d is today', () => {
  const now = new Date('2026-01-22T12:00:00Z');
  const asDay = resolveWindow({ kind: 'day', day: ' 7D ' }, 'UTC', 'committer', now);
  const asSince = resolveWindow({ kind: 'range', since: '7d' }, 'UTC', 'committer', now);
  assert.deepEqual(asDay, asSince);
  assert.equal(asDay.label, '2026-01-16..2026-01-22');
  assert.equal(resolveWindow({ kind: 'day', day: '1d' }, 'UTC', 'committer', now).label, '2026-01-22');
  assert.throws(() => resolveWindow({ kind: 'day', day: '0d' }, 'UTC', 'committer', now), (e: unknown) => e instanceof DigestError && e.code === 'bad-date');
});

test('the machine zone is the default', () => {
  const w = resolveWindow({ kind: 'day', day: '2026-01-22' }, undefined, 'committer');
  assert.equal(w.timeZone, Intl.DateTimeFormat().resolvedOptions().timeZone);
});

for (const value of ['2026-02-30', '22/01/2026', 'tomorrow', '', '0d', '2026-1-2']) {
  test(`bad date ${JSON.stringify(value)} throws bad-date with its message`, () => {
    assert.throws(
      () => resolveWindow({ kind: 'range', since: value }, 'UTC', 'committer'),
      (error: unknown) => error instanceof DigestError && error.code === 'bad-date' && error.message.includes(`"${value}"`),
    );
  });
}

test('a range ending before it starts names both dates, in both languages', () => {
  assert.throws(() => resolveWindow({ kind: 'range', since: '2026-01-05', until: '2026-01-01' }, 'UTC', 'committer'),
    (e: unknown) => e instanceof DigestError && e.code === 'bad-range' &&
      e.message === 'The range starts on 2026-01-05, after its last day 2026-01-01: swap the two dates.' &&
      e.format('zh-CN').includes('2026-01-05') && e.format('zh-CN').includes('2026-01-01'));
});

test('an unknown zone throws bad-time-zone with a one-line message in both languages', () => {
  assert.throws(
    () => resolveWindow({ kind: 'day', day: 'today' }, 'Mars/Olympus', 'committer'),
    (error: unknown) =>
      error instanceof DigestError && error.code === 'bad-time-zone' &&
      error.message === 'Unknown time zone "Mars/Olympus": use an IANA name such as Asia/Shanghai or UTC.' &&
      error.format('zh-CN').includes('Mars/Olympus'),
  );
});

test('UTC (a fixed zone, no Intl) and Etc/UTC (IANA) give the same window; offsets stay numeric', () => {
  const now = new Date('2026-11-18T23:30:00Z');
  const fixed = resolveWindow({ kind: 'day', day: 'today' }, 'UTC', 'committer', now);
  const iana = resolveWindow({ kind: 'day', day: 'today' }, 'Etc/UTC', 'committer', now);
  assert.deepEqual({ ...fixed, timeZone: 'Etc/UTC' }, iana);
  assert.equal(fixed.timeZone, 'UTC');
  assert.equal(fixed.start, '2026-11-18T00:00:00+00:00');
  assert.equal(fixed.end, '2026-11-19T00:00:00+00:00');
  const kolkata = resolveWindow({ kind: 'day', day: '2026-11-18' }, 'Asia/Kolkata', 'committer', now);
  assert.equal(kolkata.start, '2026-11-18T00:00:00+05:30');
  assert.equal(kolkata.endMs - kolkata.startMs, 86_400_000);
});
