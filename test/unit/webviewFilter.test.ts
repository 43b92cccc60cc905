// The report view's client-side filters (src/shared/commitFilter.ts) and calendar days (src/shared/days.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedCommit } from '../../src/core/domain/report.js';
import {
  NO_FILTER, commitMatcher, filterChoices, isFiltering, matchesFilter, parseFilter, prunedFilter, unreadCounts, type CommitFilter,
} from '../../src/shared/commitFilter.js';
import { adjacentDay, calendarCells, labelHasDay, lastDayOf, shiftDay, todayIn } from '../../src/shared/days.js';
import { HOSTILE, emptyAnalysis, makeCommit } from '../support/sampleReport.js';

const sha = (n: number): string => n.toString(16).padStart(40, 'a');

function commits(): AnalyzedCommit[] {
  const module = (name: string) => ({ module: name, files: 1, additions: 1, deletions: 0 });
  return [
    makeCommit({ sha: sha(1), subject: 'feat!: drop v1', author: 'Ada', date: '2026-01-22T10:00:00Z',
      analysis: emptyAnalysis({ importance: 'high', changeType: 'feature', breaking: true, scope: [module('api'), module('cli')] }) }),
    makeCommit({ sha: sha(2), subject: 'fix: parser', author: 'Grace', date: '2026-01-22T09:00:00Z',
      analysis: emptyAnalysis({ importance: 'medium', changeType: 'fix', scope: [module('parser')] }) }),
    makeCommit({ sha: sha(3), subject: 'chore(deps): bump serde', author: 'renovate[bot]', date: '2026-01-22T08:00:00Z',
      analysis: emptyAnalysis({ importance: 'low', changeType: 'deps', scope: [module('Cargo.lock')] }) }),
    makeCommit({ sha: sha(4), subject: 'chore(deps): bump syn', author: 'renovate[bot]', date: '2026-01-22T07:00:00Z',
      analysis: emptyAnalysis({ importance: 'low', changeType: 'deps', scope: [module('Cargo.lock')] }) }),
    makeCommit({ sha: sha(5), subject: HOSTILE.subject, author: HOSTILE.author, date: '2026-01-22T06:00:00Z',
      analysis: emptyAnalysis({ importance: 'low', changeType: 'docs', scope: [module(HOSTILE.path)] }) }),
  ];
}

const shas = (list: AnalyzedCommit[]): string[] => list.map((commit) => commit.sha);
const filtered = (filter: Partial<CommitFilter>, reviewed: string[] = []): string[] =>
  shas(commits().filter(commitMatcher({ ...NO_FILTER, ...filter }, new Set(reviewed))));

test('no filter lets every commit through and says it is not filtering', () => {
  assert.equal(isFiltering(NO_FILTER), false);
  assert.deepEqual(filtered({}), shas(commits()));
});

test('importance, type and module filters keep the commits with one of the chosen values', () => {
  assert.deepEqual(filtered({ importance: ['high', 'medium'] }), [sha(1), sha(2)]);
  assert.deepEqual(filtered({ types: ['deps'] }), [sha(3), sha(4)]);
  assert.deepEqual(filtered({ modules: ['cli'] }), [sha(1)]);
  assert.deepEqual(filtered({ modules: [HOSTILE.path] }), [sha(5)]);
  // The lists combine: every list must match.
  assert.deepEqual(filtered({ importance: ['low'], types: ['docs', 'feature'] }), [sha(5)]);
  assert.equal(isFiltering({ ...NO_FILTER, modules: ['cli'] }), true);
});

test('authors can be shown only, or hidden (a bot excluded), by the name as recorded', () => {
  assert.deepEqual(filtered({ authors: ['Ada'], authorMode: 'include' }), [sha(1)]);
  assert.deepEqual(filtered({ authors: ['renovate[bot]'], authorMode: 'exclude' }), [sha(1), sha(2), sha(5)]);
  assert.deepEqual(filtered({ authors: [HOSTILE.author.trim()], authorMode: 'include' }), [sha(5)]);
});

test('unreviewed only hides the commits marked reviewed; unread counts are per importance', () => {
  assert.deepEqual(filtered({ unreviewedOnly: true }, [sha(1), sha(3)]), [sha(2), sha(4), sha(5)]);
  assert.equal(matchesFilter(commits()[0]!, { ...NO_FILTER, unreviewedOnly: true }, new Set([sha(1)])), false);
  assert.deepEqual(unreadCounts(commits(), new Set([sha(1), sha(3)])), { high: 0, medium: 1, low: 2, total: 3 });
  assert.deepEqual(unreadCounts(commits(), new Set()), { high: 1, medium: 1, low: 3, total: 5 });
});

test('the choices count commits per value: importance and types in their fixed order, authors and modules most first', () => {
  const choices = filterChoices(commits());
  assert.deepEqual(choices.importance, [{ value: 'high', commits: 1 }, { value: 'medium', commits: 1 }, { value: 'low', commits: 3 }]);
  assert.deepEqual(choices.types.map((choice) => choice.value), ['feature', 'fix', 'docs', 'deps']);
  assert.deepEqual(choices.authors[0], { value: 'renovate[bot]', commits: 2 });
  assert.deepEqual(choices.modules[0], { value: 'Cargo.lock', commits: 2 });
  assert.equal(choices.authors.length, 4);
});

test('a filter carried to another day keeps only the values that day has', () => {
  const filter: CommitFilter = { ...NO_FILTER, importance: ['high', 'medium'], authors: ['Ada', 'Linus'], modules: ['cli', 'gone'], types: ['perf'] };
  const pruned = prunedFilter(filter, filterChoices(commits().slice(0, 1)));
  assert.deepEqual(pruned, { ...filter, importance: ['high'], authors: ['Ada'], modules: ['cli'], types: [] });
});

test('a saved filter is read back with unknown values dropped and sizes bounded', () => {
  assert.deepEqual(parseFilter(undefined), NO_FILTER);
  assert.deepEqual(parseFilter('x'), NO_FILTER);
  const parsed = parseFilter({
    importance: ['high', 'urgent', 3], types: ['fix', '__proto__'], authors: ['Ada', 'x'.repeat(500)],
    authorMode: 'exclude', modules: Array.from({ length: 5000 }, (_, i) => `m${i}`), unreviewedOnly: 'yes', extra: 1,
  });
  assert.deepEqual(parsed.importance, ['high']);
  assert.deepEqual(parsed.types, ['fix']);
  assert.deepEqual(parsed.authors, ['Ada']);
  assert.equal(parsed.authorMode, 'exclude');
  assert.equal(parsed.modules.length, 500);
  assert.equal(parsed.unreviewedOnly, false);
});

test('days: shifting across months, years and leap days; the day before or after a window label', () => {
  assert.equal(shiftDay('2024-02-28', 1), '2024-02-29');
  assert.equal(shiftDay('2024-03-01', -1), '2024-02-29');
  assert.equal(shiftDay('2025-12-31', 1), '2026-01-01');
  assert.equal(shiftDay('2025-02-30', 1), undefined);
  assert.equal(shiftDay('yesterday', 1), undefined);
  assert.equal(adjacentDay('2026-01-22', 'previous'), '2026-01-21');
  assert.equal(adjacentDay('2026-01-22', 'next'), '2026-01-23');
  assert.equal(adjacentDay('2026-01-19..2026-01-22', 'previous'), '2026-01-18');
  assert.equal(adjacentDay('2026-01-19..2026-01-22', 'next'), '2026-01-23');
  assert.equal(adjacentDay('<script>', 'next'), undefined);
  assert.equal(lastDayOf('2026-01-19..2026-01-22'), '2026-01-22');
  assert.equal(labelHasDay('2026-01-19..2026-01-22', '2026-01-20'), true);
  assert.equal(labelHasDay('2026-01-22', '2026-01-21'), false);
});

test('the activity calendar is a grid of weeks, Monday on top, shaded against the busiest day', () => {
  // 2026-01-01 is a Thursday: row 3.
  const counts = [0, 1, 2, 8, ...Array.from({ length: 52 }, () => 0)];
  const cells = calendarCells({ from: '2026-01-01', counts });
  assert.equal(cells.length, 56);
  assert.deepEqual(cells[0], { day: '2026-01-01', commits: 0, row: 3, column: 0, level: 0 });
  assert.deepEqual(cells[3], { day: '2026-01-04', commits: 8, row: 6, column: 0, level: 4 });
  assert.deepEqual(cells[4]?.row, 0);
  assert.deepEqual(cells[4]?.column, 1);
  assert.equal(cells[1]?.level, 1);
  assert.equal(cells[2]?.level, 1);
  assert.equal(cells[55]?.day, '2026-02-25');
  // Hostile counts are read as zero; an endless calendar is cut to its last year.
  assert.equal(calendarCells({ from: '2026-01-01', counts: [-5, Number.NaN, 1e400] })[0]?.commits, 0);
  assert.equal(calendarCells({ from: '2020-01-01', counts: Array.from({ length: 5000 }, () => 1) }).length, 371);
  assert.deepEqual(calendarCells({ from: 'nope', counts: [1] }), []);
});

test('today in a time zone, and in the machine zone for an unknown one', () => {
  const now = new Date('2026-01-22T20:00:00Z');
  assert.equal(todayIn('Asia/Shanghai', now), '2026-01-23');
  assert.equal(todayIn('America/Los_Angeles', now), '2026-01-22');
  assert.match(todayIn('Not/AZone', now), /^\d{4}-\d{2}-\d{2}$/);
});
