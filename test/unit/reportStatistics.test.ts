import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeStatistics } from '../../src/core/report/statistics.js';
import { emptyAnalysis, makeCommit } from '../support/sampleReport.js';
import type { AnalyzedCommit } from '../../src/core/domain/report.js';

let counter = 0;
function commit(author: string, files: [string, number, number][], scope: [string, number, number, number][]): AnalyzedCommit {
  counter += 1;
  return makeCommit({
    sha: counter.toString(16).padStart(40, '0'), subject: `change ${counter}`, author, email: `${counter}@example.com`,
    date: '2026-01-22T10:00:00Z',
    files: files.map(([path, additions, deletions]) => ({ path, status: 'M', additions, deletions, binary: false })),
    analysis: emptyAnalysis({ scope: scope.map(([module, count, additions, deletions]) => ({ module, files: count, additions, deletions })) }),
  });
}

test('statistics: distinct files, modules by commits then lines, authors by name with their lines', () => {
  const commits = [
    commit('Ada', [['src/a.ts', 10, 2], ['docs/x.md', 1, 0]], [['src', 1, 10, 2], ['docs', 1, 1, 0]]),
    commit('ada', [['src/a.ts', 5, 5]], [['src', 1, 5, 5]]),
    commit('Grace', [['lib/b.rs', 100, 0]], [['lib', 1, 100, 0]]),
  ];
  const stats = computeStatistics(commits);
  assert.equal(stats.files, 3, 'src/a.ts counts once');
  assert.deepEqual(stats.modules.map((row) => [row.name, row.commits, row.files, row.additions, row.deletions]), [
    ['src', 2, 2, 15, 7], ['lib', 1, 1, 100, 0], ['docs', 1, 1, 1, 0],
  ]);
  assert.deepEqual(stats.authors.map((row) => [row.name, row.commits, row.additions, row.deletions]), [['Ada', 2, 16, 7], ['Grace', 1, 100, 0]]);
  assert.equal(stats.moreModules, 0);
});

test('statistics: tables stop at their row limit and count the rest; a capped commit counts its whole totals', () => {
  const many = Array.from({ length: 12 }, (_, index) => commit(`Author ${index}`, [[`m${index}/f.ts`, 1, 0]], [[`m${index}`, 1, 1, 0]]));
  const huge = { ...commit('Big', [['big/one.ts', 1, 1]], [['big', 1, 1, 1]]), filesTruncated: true, filesTotal: { files: 20000, additions: 50000, deletions: 7 } };
  const stats = computeStatistics([...many, huge], 8);
  assert.equal(stats.modules.length, 8);
  assert.equal(stats.moreModules, 5);
  assert.equal(stats.authors[0]?.name, 'Big');
  assert.deepEqual([stats.authors[0]?.additions, stats.authors[0]?.deletions], [50000, 7]);
  assert.equal(stats.moreAuthors, 5);
});

test('the files line names the modules only when there are some, in both languages', async () => {
  const { statisticsLabels } = await import('../../src/core/i18n/statisticsLabels.js');
  assert.equal(statisticsLabels('en').filesLine(1, 0), '1 file changed.');
  assert.equal(statisticsLabels('en').filesLine(3, 1), '3 files changed, in 1 module.');
  assert.equal(statisticsLabels('zh-CN').filesLine(3, 0), '共修改 3 个文件。');
  assert.equal(statisticsLabels('zh-CN').filesLine(3, 2), '共修改 3 个文件，涉及 2 个模块。');
});
