// Date QuickPick validation (src/core/time/period.ts) and daily-digest-git: URI queries (src/extension/diffs/gitUri.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeGitQuery, looksBinary, parseGitQuery } from '../../src/extension/diffs/gitUri.js';
import { todayIn } from '../../src/core/time/format.js';
import { periodForChoice, periodForInput, periodFromLabel, validateDateInput } from '../../src/core/time/period.js';

const TODAY = '2026-01-22';

test('accepted dates', () => {
  for (const value of ['2026-01-22', '2026-01-01', '2024-02-29', '1970-01-01', ' 2025-12-31 ', 'today', 'Yesterday']) {
    assert.equal(validateDateInput(value, TODAY), undefined, value);
  }
});

test('each refused date says why', () => {
  assert.deepEqual(validateDateInput('', TODAY), { code: 'empty' });
  assert.deepEqual(validateDateInput('22/01/2026', TODAY), { code: 'format', value: '22/01/2026' });
  assert.deepEqual(validateDateInput('2026-1-22', TODAY), { code: 'format', value: '2026-1-22' });
  assert.deepEqual(validateDateInput('2025-02-29', TODAY), { code: 'notADate', value: '2025-02-29' });
  assert.deepEqual(validateDateInput('2026-13-01', TODAY), { code: 'notADate', value: '2026-13-01' });
  assert.deepEqual(validateDateInput('2026-04-31', TODAY), { code: 'notADate', value: '2026-04-31' });
  assert.deepEqual(validateDateInput('2026-01-23', TODAY), { code: 'future', value: '2026-01-23', today: TODAY });
  assert.deepEqual(validateDateInput('1969-12-31', TODAY), { code: 'tooOld', value: '1969-12-31' });
});

test('periods', () => {
  assert.deepEqual(periodForChoice('today'), { kind: 'day', day: 'today' });
  assert.deepEqual(periodForChoice('yesterday'), { kind: 'day', day: 'yesterday' });
  assert.deepEqual(periodForChoice('last7'), { kind: 'range', since: '7d' });
  assert.deepEqual(periodForInput(' 2026-01-20 '), { kind: 'day', day: '2026-01-20' });
  assert.deepEqual(periodForInput('TODAY'), { kind: 'day', day: 'today' });
  assert.deepEqual(periodFromLabel('2026-01-20'), { kind: 'day', day: '2026-01-20' });
  assert.deepEqual(periodFromLabel('2026-01-16..2026-01-22'), { kind: 'range', since: '2026-01-16', until: '2026-01-22' });
  assert.equal(periodFromLabel('<script>'), undefined);
  assert.equal(periodFromLabel(undefined), undefined);
});

test('todayIn uses the zone, and falls back to the machine zone for an unknown one', () => {
  const now = new Date('2026-01-22T20:00:00Z');
  assert.equal(todayIn('Asia/Shanghai', now), '2026-01-23');
  assert.equal(todayIn('America/New_York', now), '2026-01-22');
  assert.match(todayIn('Not/AZone', now), /^\d{4}-\d{2}-\d{2}$/);
  assert.match(todayIn('', now), /^\d{4}-\d{2}-\d{2}$/);
});

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

test('git URI queries round-trip and are validated', () => {
  const ref = { repo: '/repos/acme', sha: SHA, path: 'src/a b&c=d.ts' };
  assert.deepEqual(parseGitQuery(encodeGitQuery(ref)), ref);
  assert.deepEqual(parseGitQuery(encodeGitQuery({ ...ref, sha: '' })), { ...ref, sha: '' });
  const bad = [
    '', 'repo=/r&sha=' + SHA,
    encodeGitQuery({ ...ref, repo: 'relative/repo' }),
    encodeGitQuery({ ...ref, sha: 'HEAD' }),
    encodeGitQuery({ ...ref, sha: SHA.slice(0, 7) }),
    encodeGitQuery({ ...ref, sha: '--output=/tmp/x' }),
    encodeGitQuery({ ...ref, path: '../../etc/passwd' }),
    encodeGitQuery({ ...ref, path: '/etc/passwd' }),
    `${encodeGitQuery(ref)}&extra=1`,
    `${encodeGitQuery(ref)}&path=other`,
  ];
  for (const query of bad) assert.equal(parseGitQuery(query), undefined, query);
});

test('binary detection looks for NUL bytes', () => {
  assert.equal(looksBinary(Buffer.from('plain text\n')), false);
  assert.equal(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), true);
});
