import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTimestamp, luxonTimestamp } from '../../src/core/time/format.js';

const ZONES = ['UTC', 'utc', 'Etc/UTC', 'UTC+8', 'UTC-3:30', 'Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe',
  'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Etc/GMT-14', 'Etc/GMT+12', 'Asia/Kolkata', 'local', 'Not/AZone', ''];

test('formatTimestamp gives what luxon gives, for git dates and everything else', () => {
  let seed = 3;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const dates: string[] = [
    '2026-11-20T22:38:57+00:00', '2026-03-08T02:30:00-05:00', '2026-03-08T07:30:00Z', '2026-11-01T01:30:00-04:00',
    '2026-10-04T02:00:00+11:00', '2026-02-28T24:00:00+00:00', '2026-02-30T10:00:00+00:00', '2026-02-28T10:00:60+00:00',
    '2026-02-28T10:00:00+19:00', '2026-02-28T10:00:00+05:61', '0999-12-31T23:00:00+00:00', '1000-01-01T00:30:00+01:00',
    '9999-12-31T23:59:59-12:00', '1890-05-01T12:00:00+05:53', '2026-11-23T13:39:35.123Z', '2026-11-23', 'not a date', '',
    '2026-11-23T13:39:35+0800', '2024-02-29T12:00:00+00:00', '2023-02-29T12:00:00+00:00', '2026-13-01T00:00:00Z',
  ];
  for (let i = 0; i < 300; i++) {
    const year = 1000 + Math.floor(random() * 9000);
    const sign = random() < 0.5 ? '-' : '+';
    dates.push(`${pad(year, 4)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 31))}T${pad(Math.floor(random() * 25))}:` +
      `${pad(Math.floor(random() * 60))}:${pad(Math.floor(random() * 61))}${random() < 0.2 ? 'Z' : `${sign}${pad(Math.floor(random() * 15))}:${pad(15 * Math.floor(random() * 4))}`}`);
  }
  for (const zone of ZONES) {
    for (const date of dates) assert.equal(formatTimestamp(date, zone), luxonTimestamp(date, zone), `${date} in ${zone}`);
  }
});
