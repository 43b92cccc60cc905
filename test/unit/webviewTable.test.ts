// The rows of the report view's commit table (src/shared/commitTable.ts): order, folded groups that open, filters,
// days of a range, and the triage fields computed for a report that has none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedCommit, RepositoryReport } from '../../src/core/domain/report.js';
import { NO_FILTER, type CommitFilter } from '../../src/shared/commitFilter.js';
import { commitTable, groupKey, repositoryTriage, type TableOptions, type TableRow } from '../../src/shared/commitTable.js';
import { sampleWeekReport, triageRepository } from '../support/sampleTriage.js';

const WINDOW = {
  start: '2026-01-22T00:00:00+08:00', end: '2026-01-23T00:00:00+08:00', timeZone: 'Asia/Shanghai',
  dateField: 'committer' as const, label: '2026-01-22',
};

function table(repo: RepositoryReport, options: Partial<TableOptions> = {}, byDay = false) {
  const triage = repositoryTriage(repo, { language: 'en', window: WINDOW });
  return commitTable({ repoIndex: 0, commits: repo.commits, groups: triage.groups, days: triage.days }, {
    order: 'importance', filter: NO_FILTER, reviewed: new Set(), openGroups: new Set(), byDay, ...options,
  });
}

/** A row as a short line: `c b200000`, `g bot:renovate[bot] 3/3`, `d 2026-01-22 3`. */
function describe(rows: TableRow[]): string[] {
  return rows.map((row) => {
    if (row.kind === 'day') return `d ${row.day} ${row.shown}/${row.commits}`;
    if (row.kind === 'group') return `g ${row.group.kind}:${row.group.author} ${row.shown.length}/${row.commits.length}${row.open ? ' open' : ''}`;
    return `c ${row.commit.sha.slice(0, 7)}${row.group === undefined ? '' : ' in group'}`;
  });
}

const shortShas = (commits: AnalyzedCommit[]): string[] => commits.map((commit) => commit.sha.slice(0, 7));

test('importance first: the listed commits high to low, then one line per folded group, closed', () => {
  const result = table(triageRepository('en'));
  assert.deepEqual(describe(result.rows), [
    'c b200000', 'c c400000', 'c e800000',
    'g bot:renovate[bot] 3/3',
    'g deps: 2/2',
  ]);
  assert.deepEqual(shortShas(result.details), ['b200000', 'c400000', 'e800000']);
  assert.equal(result.matching, 8);
  assert.equal(result.total, 8);
});

test('newest first keeps the commits in time order; an open group lists its commits under its line', () => {
  const repo = triageRepository('en');
  const renovate = groupKey(0, { kind: 'bot', author: 'renovate[bot]' });
  const result = table(repo, { order: 'time', openGroups: new Set([renovate]) });
  assert.deepEqual(describe(result.rows), [
    'c b200000', 'c c400000', 'c e800000',
    'g bot:renovate[bot] 3/3 open', 'c a100000 in group', 'c a300000 in group', 'c a500000 in group',
    'g deps: 2/2',
  ]);
  assert.deepEqual(shortShas(result.details), ['b200000', 'c400000', 'e800000', 'a100000', 'a300000', 'a500000']);
});

test('filters apply to the listed commits and inside groups; a group nobody matches is left out', () => {
  const repo = triageRepository('en');
  const filter = (extra: Partial<CommitFilter>): Partial<TableOptions> => ({ filter: { ...NO_FILTER, ...extra } });
  assert.deepEqual(describe(table(repo, filter({ importance: ['high', 'medium'] })).rows), ['c b200000', 'c c400000']);
  const notBots = table(repo, filter({ authors: ['renovate[bot]', 'dependabot[bot]'], authorMode: 'exclude' }));
  assert.deepEqual(describe(notBots.rows), ['c b200000', 'c c400000', 'g deps: 2/2']);
  assert.equal(notBots.matching, 4);
  // A group shows how many of its commits pass.
  const reviewed = new Set(['a100000000000000000000000000000000000001']);
  const unreviewed = table(repo, { filter: { ...NO_FILTER, unreviewedOnly: true }, reviewed });
  assert.deepEqual(describe(unreviewed.rows).slice(-2), ['g bot:renovate[bot] 2/3', 'g deps: 2/2']);
});

test('a range is one table with a heading per day, newest day first; groups stay at the end', () => {
  const report = sampleWeekReport('en');
  const repo = report.repositories[0]!;
  const triage = repositoryTriage(repo, report);
  const result = commitTable({ repoIndex: 0, commits: repo.commits, groups: triage.groups, days: triage.days }, {
    order: 'time', filter: NO_FILTER, reviewed: new Set(), openGroups: new Set(), byDay: true,
  });
  assert.deepEqual(describe(result.rows), [
    'd 2026-01-22 3/3', 'c b200000',
    'd 2026-01-21 3/3', 'c c400000',
    'd 2026-01-20 2/2', 'c e800000',
    'g bot:renovate[bot] 3/3', 'g deps: 2/2',
  ]);
  // A day whose listed commits are all filtered out has no heading.
  const fixes = commitTable({ repoIndex: 0, commits: repo.commits, groups: triage.groups, days: triage.days }, {
    order: 'time', filter: { ...NO_FILTER, types: ['fix'] }, reviewed: new Set(), openGroups: new Set(), byDay: true,
  });
  assert.deepEqual(describe(fixes.rows), ['d 2026-01-21 1/3', 'c c400000']);
});

test('the triage fields a report carries are used; a report without them gets them computed', () => {
  const repo = triageRepository('en');
  const computed = repositoryTriage({ ...repo, glance: undefined, groups: undefined, days: undefined } as unknown as RepositoryReport,
    { language: 'en', window: WINDOW });
  assert.equal(computed.groups.length, 2);
  assert.equal(computed.glance.high, 1);
  assert.equal(computed.days.length, 1);
  const carried = repositoryTriage({ ...repo, groups: [] }, { language: 'en', window: WINDOW });
  assert.deepEqual(carried.groups, []);
  assert.deepEqual(describe(table({ ...repo, groups: [] }).rows).length, 8);
});
