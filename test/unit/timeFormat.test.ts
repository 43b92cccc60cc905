// The Commits view's times and the date picker's today (src/core/time/format.ts) are luxon's; they must read as
// Intl.DateTimeFormat reads the same instant in the same zone, the machine's zone standing in for an unknown one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatCommitTime, todayIn } from '../../src/core/time/format.js';

const ZONES = ['UTC', 'utc', 'Asia/Shanghai', 'asia/kolkata', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe',
  'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu', 'Etc/GMT-14', 'EST', 'Not/AZone', '', ' UTC', '+08:00', 'UTC+8'];

function intlParts(millis: number, timeZone: string | undefined): Record<string, string> {
  const options: Intl.DateTimeFormatOptions = {
    hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: timeZone === '' ? undefined : timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en-GB', options);
  }
  return Object.fromEntries(format.formatToParts(new Date(millis)).map((part) => [part.type, part.value]));
}

const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) });

test('formatCommitTime reads an instant as Intl does, in every zone and for unknown ones', () => {
  fc.assert(fc.property(instant, fc.constantFrom(...ZONES), fc.boolean(), (millis, zone, withDay) => {
    const parts = intlParts(millis, zone);
    const time = `${parts.hour}:${parts.minute}`;
    assert.equal(formatCommitTime(new Date(millis).toISOString(), zone, withDay), withDay ? `${parts.month}-${parts.day} ${time}` : time);
  }), { numRuns: 3000 });
});

test('todayIn reads the day as Intl does; a blank or unknown zone is the machine\'s', () => {
  fc.assert(fc.property(instant, fc.constantFrom(...ZONES, undefined), (millis, zone) => {
    const parts = intlParts(millis, zone?.trim());
    assert.equal(todayIn(zone, new Date(millis)), `${parts.year}-${parts.month}-${parts.day}`);
  }), { numRuns: 3000 });
});
