// The report view's Statistics section (src/shared/statisticsRows.ts: the statistics of the commits that pass the
// filters, as the Markdown report's text and tables) and its Contents (src/shared/reportContents.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedCommit } from '../../src/core/domain/report.js';
import { statisticsLabels } from '../../src/core/i18n/statisticsLabels.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { computeStatistics } from '../../src/core/report/statistics.js';
import { NO_FILTER, type CommitFilter } from '../../src/shared/commitFilter.js';
import { contentsItems, viewSectionAnchor } from '../../src/shared/reportContents.js';
import { filteredStatistics } from '../../src/shared/statisticsRows.js';
import { statisticsText, type StatisticsTable } from '../../src/core/report/statisticsText.js';
import { HOSTILE, emptyAnalysis, makeCommit, makeRepository } from '../support/sampleReport.js';
import { sampleTriageReport, triageRepository } from '../support/sampleTriage.js';

const EN = statisticsLabels('en');
const ZH = statisticsLabels('zh-CN');
const filter = (extra: Partial<CommitFilter>): CommitFilter => ({ ...NO_FILTER, ...extra });
const cells = (table: StatisticsTable | undefined): string[][] => (table?.rows ?? []).map((row) => row.map((cell) => cell.text));

test('unfiltered, the view counts every commit, folded bots included, as the Markdown report does', () => {
  const repo = triageRepository('en');
  const filtered = filteredStatistics(repo.commits, NO_FILTER, new Set());
  assert.deepEqual(filtered.stats, computeStatistics(repo.commits));
  assert.equal(filtered.counted, repo.commits.length);
  assert.equal(filtered.total, repo.commits.length);
});

test('the filters narrow the statistics to the commits the table shows (folded or not)', () => {
  const repo = triageRepository('en');
  const high = filteredStatistics(repo.commits, filter({ importance: ['high'] }), new Set());
  const highCommits = repo.commits.filter((commit) => commit.analysis.importance === 'high');
  assert.equal(high.counted, highCommits.length);
  assert.deepEqual(high.stats, computeStatistics(highCommits));
  const notRenovate = filteredStatistics(repo.commits, filter({ authors: ['renovate[bot]'], authorMode: 'exclude' }), new Set());
  assert.equal(notRenovate.stats.authors.some((row) => row.name === 'renovate[bot]'), false);
  assert.equal(notRenovate.counted, repo.commits.filter((commit) => commit.author.name !== 'renovate[bot]').length);
  // Unreviewed only follows the marks.
  const reviewed = new Set(repo.commits.slice(0, 2).map((commit) => commit.sha));
  assert.equal(filteredStatistics(repo.commits, filter({ unreviewedOnly: true }), reviewed).counted, repo.commits.length - 2);
  assert.equal(filteredStatistics(repo.commits, filter({ modules: ['no such module'] }), new Set()).counted, 0);
});

test('the text: the files line, then modules (as code) and authors with their lines, in both languages', () => {
  const repo = triageRepository('en');
  const stats = computeStatistics(repo.commits);
  const text = statisticsText(stats, EN, '(no subject)');
  assert.equal(text.line, EN.filesLine(stats.files, stats.modules.length));
  assert.match(text.line, /^\d+ files changed, in \d+ modules\.$/);
  const [modules, authors] = text.tables;
  assert.equal(modules?.kind, 'modules');
  assert.deepEqual(modules?.header, ['Module', 'Commits', 'Files', 'Added', 'Removed']);
  assert.deepEqual(cells(modules), stats.modules.map((row) => [row.name, `${row.commits}`, `${row.files}`, `+${row.additions}`, `−${row.deletions}`]));
  assert.deepEqual(modules?.rows[0]?.map((cell) => cell.kind), ['code', 'count', 'count', 'added', 'removed']);
  assert.equal(authors?.kind, 'authors');
  assert.deepEqual(authors?.header, ['Author', 'Commits', 'Added', 'Removed']);
  assert.deepEqual(cells(authors), stats.authors.map((row) => [row.name, `${row.commits}`, `+${row.additions}`, `−${row.deletions}`]));
  assert.equal(modules?.more, undefined);
  const chinese = statisticsText(stats, ZH, '（无提交信息）');
  assert.match(chinese.line, /^共修改 \d+ 个文件，涉及 \d+ 个模块。$/);
  assert.deepEqual(chinese.tables.map((table) => table.header[0]), ['模块', '作者']);
});

test('a table cut at its limit says how many rows are left; no modules and no commits give no table', () => {
  const many: AnalyzedCommit[] = Array.from({ length: 11 }, (_, index) => makeCommit({
    sha: (index + 1).toString(16).padStart(40, '0'), subject: `change ${index}`, author: `Author ${index}`, email: `${index}@example.com`,
    date: '2026-01-22T10:00:00Z',
    analysis: emptyAnalysis({ scope: [{ module: `m${index}`, files: 1, additions: index, deletions: 0 }] }),
  }));
  const text = statisticsText(computeStatistics(many), EN, '?');
  assert.deepEqual(text.tables.map((table) => [table.rows.length, table.more]), [[8, '3 more'], [8, '3 more']]);
  assert.equal(text.line, '0 files changed, in 11 modules.');
  const bare = many.map((commit) => ({ ...commit, analysis: { ...commit.analysis, scope: [] } }));
  assert.deepEqual(statisticsText(computeStatistics(bare), EN, '?').tables.map((table) => table.kind), ['authors']);
  const none = statisticsText(computeStatistics([]), ZH, '?');
  assert.deepEqual([none.line, none.tables.length], ['共修改 0 个文件。', 0]);
});

test('hostile names stay text; an author with an empty name is named as the Markdown report names it', () => {
  const commits = [
    makeCommit({ sha: 'a'.repeat(40), subject: HOSTILE.subject, author: HOSTILE.author, date: '2026-01-22T10:00:00Z',
      analysis: emptyAnalysis({ scope: [{ module: HOSTILE.path, files: 1, additions: 1, deletions: 1 }] }) }),
    makeCommit({ sha: 'b'.repeat(40), subject: 'x', author: '  ', email: 'blank@example.com', date: '2026-01-22T09:00:00Z', analysis: emptyAnalysis() }),
  ];
  const [modules, authors] = statisticsText(computeStatistics(commits), EN, '(no subject)').tables;
  assert.equal(modules?.rows[0]?.[0]?.text, HOSTILE.path);
  assert.deepEqual(authors?.rows.map((row) => row[0]?.text).sort(), [HOSTILE.author, '(no subject)'].sort());
});

test('contents: one item per repository with commits, four sections, ids as the Markdown report gives them', () => {
  const report = sampleTriageReport('en');
  const items = contentsItems(report.repositories);
  const withCommits = report.repositories.flatMap((repo, index) => (repo.error === undefined && repo.commits.length > 0 ? [index] : []));
  assert.deepEqual(items.map((item) => item.repoIndex), withCommits);
  assert.ok(items.length > 0);
  const first = items[0]!;
  assert.equal(first.name, report.repositories[first.repoIndex]?.name);
  assert.deepEqual(first.sections.map((entry) => entry.section), ['glance', 'commits', 'stats', 'details']);
  assert.deepEqual(first.sections.map((entry) => entry.anchor), ['glance', 'commits', 'stats', 'details']
    .map((name) => `r${first.repoIndex + 1}-${name}`));
  // The Markdown report has the same ids for the sections it shares with the view.
  const markdown = renderMarkdown(report);
  for (const section of ['glance', 'commits', 'stats'] as const) {
    assert.ok(markdown.includes(`<a id="${viewSectionAnchor(first.repoIndex, section)}"></a>`), section);
  }
  // Every id differs from every other and from a commit's (c-…).
  const ids = items.flatMap((item) => item.sections.map((entry) => entry.anchor));
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.every((id) => /^r\d+-[a-z]+$/.test(id)));
});

test('contents leave out a repository that failed or had no commits', () => {
  const base = { path: '/x', ref: 'main', warnings: [] };
  const commit = makeCommit({ sha: 'c'.repeat(40), subject: 'feat: x', author: 'Ada', date: '2026-01-22T10:00:00Z', analysis: emptyAnalysis() });
  const items = contentsItems([
    makeRepository({ ...base, name: 'broken', commits: [], error: 'not a git repository' }),
    makeRepository({ ...base, name: 'quiet', commits: [] }),
    makeRepository({ ...base, name: HOSTILE.author, commits: [commit] }),
  ]);
  assert.deepEqual(items.map((item) => [item.repoIndex, item.name]), [[2, HOSTILE.author]]);
  assert.equal(items[0]?.sections[3]?.anchor, 'r3-details');
});
