import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedCommit } from '../../src/core/domain/report.js';
import { bounded, computeGlance, detailsOf, gistOf, HEADLINE_ITEMS } from '../../src/core/report/glance.js';
import { orderCommits } from '../../src/core/report/order.js';
import { computeStats } from '../../src/core/domain/stats.js';
import { emptyAnalysis, makeCommit } from '../support/sampleReport.js';
import { triageRepository } from '../support/sampleTriage.js';

let counter = 0;
function commit(overrides: Parameters<typeof emptyAnalysis>[0], who = 'Ada', subject = 'a change'): AnalyzedCommit {
  counter += 1;
  return makeCommit({
    sha: counter.toString(16).padStart(40, '0'), subject, author: who, email: `${who.toLowerCase()}@example.com`,
    date: `2026-01-22T${String(20 - (counter % 20)).padStart(2, '0')}:00:00Z`, analysis: emptyAnalysis(overrides),
  });
}

test('the glance counts by importance, breaking and type, from the analyses', () => {
  const glance = computeGlance(triageRepository('en').commits, 'en');
  assert.deepEqual(
    { commits: glance.commits, high: glance.high, medium: glance.medium, low: glance.low, breaking: glance.breakingChanges },
    { commits: 8, high: 1, medium: 1, low: 6, breaking: 1 },
  );
  assert.deepEqual(glance.types, [{ type: 'deps', commits: 6 }, { type: 'feature', commits: 1 }, { type: 'fix', commits: 1 }]);
  assert.deepEqual(glance.authors.map((author) => [author.name, author.commits]), [
    ['renovate[bot]', 3], ['Zanie Blue', 2], ['Charlie Marsh', 1], ['Konsti', 1], ['dependabot[bot]', 1],
  ]);
  assert.equal(glance.otherAuthors, 0);
});

test('one author committing from two addresses counts once, in the glance and in the statistics; no name falls back to the address', () => {
  const work = commit({}, 'Grace');
  const home = { ...commit({}, 'Grace'), author: { name: 'grace ', email: 'grace@users.noreply.example', date: '2026-01-22T08:00:00Z' } };
  const nameless = ['a@x.example', 'b@x.example'].map((email) => ({ ...commit({}, 'X'), author: { name: '', email, date: '2026-01-22T07:00:00Z' } }));
  const glance = computeGlance([work, home, ...nameless], 'en');
  assert.deepEqual(glance.authors.map((author) => [author.name, author.commits]), [['Grace', 2], ['', 1], ['', 1]]);
  assert.equal(computeStats([work, home, ...nameless]).authors, 3);
});

test('the headline names breaking changes first, then high ones by score, and counts the rest', () => {
  const low = commit({ importance: 'low', summary: 'Not named.' });
  const high = Array.from({ length: HEADLINE_ITEMS + 1 }, (_, index) =>
    commit({ importance: 'high', score: 5 + index, summary: `High number ${index}. More text.` }));
  const breaking = commit({ importance: 'medium', breaking: true, score: 1, summary: 'Drops the old API: callers must move' });
  const glance = computeGlance([low, ...high, breaking], 'en');
  assert.equal(glance.headline[0]?.sha, breaking.sha, 'a breaking change comes first whatever its importance');
  assert.equal(glance.headline[0]?.gist, 'Drops the old API: callers must move');
  assert.deepEqual(glance.headline.slice(1).map((item) => item.gist), ['High number 5', 'High number 4', 'High number 3', 'High number 2']);
  assert.equal(glance.headline.length, HEADLINE_ITEMS);
  assert.equal(glance.more, 2);
  assert.ok(!glance.headline.some((item) => item.sha === low.sha));
});

test('the gist is the first sentence of the summary, bounded, or the subject when the summary is empty', () => {
  assert.equal(gistOf('Adds a cache. It is faster.'), 'Adds a cache');
  assert.equal(gistOf('新增缓存。速度更快。'), '新增缓存');
  assert.equal(gistOf('Bumps to v1.2.3 today\nsecond line'), 'Bumps to v1.2.3 today');
  assert.equal(gistOf('Keeps e.g.the dots in 1.2.3.'), 'Keeps e.g.the dots in 1.2.3');
  assert.equal(gistOf(`${'word '.repeat(60)}end.`).length <= 120, true);
  assert.ok(gistOf(`${'word '.repeat(60)}end.`).endsWith('…'));
  assert.equal(bounded('字'.repeat(200), 10), `${'字'.repeat(9)}…`);
  const fromSubject = computeGlance([commit({ importance: 'high', summary: '' }, 'Ada', 'feat: subject only')], 'en');
  assert.equal(fromSubject.headline[0]?.gist, 'feat: subject only');
});

test('the details are the declared breaking reason, then identifiers the reasons quote; sizes are not names', () => {
  const analysis = emptyAnalysis({
    breaking: true,
    reasons: ['breaking change', 'changes public API files (src/api.ts)', 'removes `--legacy` and `Client.connect`',
      'large change: 3 files, +300/−20', 'medium-sized change (3 files, +30/−2)', 'major dependency upgrade (serde 1 → 2)'],
    insights: { architecture: ['Declares a breaking change: the v1 endpoints are gone'], performance: [], security: [] },
  });
  assert.deepEqual(detailsOf(analysis, 'en'), ['the v1 endpoints are gone', 'src/api.ts', '--legacy']);
  const zh = emptyAnalysis({
    breaking: true, reasons: ['修改公共接口文件（src/api.ts）', '中等规模变更（3 个文件，+30/−2）'],
    insights: { architecture: ['声明了破坏性变更：v1 接口已删除'], performance: [], security: [] },
  });
  assert.deepEqual(detailsOf(zh, 'zh-CN'), ['v1 接口已删除', 'src/api.ts']);
  assert.deepEqual(detailsOf(emptyAnalysis({ reasons: ['bug fix'] }), 'en'), []);
});

test('the busiest modules leave out folded commits and rank by commits, then lines', () => {
  const a = commit({ scope: [{ module: 'core', files: 1, additions: 5, deletions: 0 }] });
  const b = commit({ scope: [{ module: 'core', files: 1, additions: 5, deletions: 0 }, { module: 'docs', files: 9, additions: 900, deletions: 0 }] });
  const c = commit({ scope: [{ module: 'cli', files: 1, additions: 50, deletions: 0 }] });
  const bot = commit({ scope: [{ module: 'Cargo.lock', files: 1, additions: 1, deletions: 1 }] });
  const bot2 = commit({ scope: [{ module: 'Cargo.lock', files: 1, additions: 1, deletions: 1 }] });
  const bot3 = commit({ scope: [{ module: 'Cargo.lock', files: 1, additions: 1, deletions: 1 }] });
  const glance = computeGlance([a, b, c, bot, bot2, bot3], 'en', new Set([bot.sha, bot2.sha, bot3.sha]));
  assert.deepEqual(glance.modules.map((entry) => [entry.name, entry.commits, entry.additions]), [
    ['core', 2, 10], ['docs', 1, 900], ['cli', 1, 50],
  ]);
});

test('authors beyond the first few are counted, one per address', () => {
  const commits = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'A'].map((who) => commit({}, who));
  const glance = computeGlance(commits, 'en');
  assert.equal(glance.authors.length, 5);
  assert.deepEqual(glance.authors[0], { name: 'A', commits: 2 });
  assert.equal(glance.otherAuthors, 2);
});

test('an empty day has an empty glance', () => {
  const glance = computeGlance([], 'zh-CN');
  assert.deepEqual(glance, {
    headline: [], more: 0, commits: 0, high: 0, medium: 0, low: 0, breakingChanges: 0, types: [], modules: [], authors: [], otherAuthors: 0,
  });
});

test('importance order puts high, medium, low first and keeps newest first within each; time order keeps the list', () => {
  const commits = triageRepository('en').commits;
  const byImportance = orderCommits(commits, 'importance');
  assert.deepEqual(byImportance.map((c) => c.analysis.importance), ['high', 'medium', 'low', 'low', 'low', 'low', 'low', 'low']);
  const lows = byImportance.filter((c) => c.analysis.importance === 'low').map((c) => c.sha);
  assert.deepEqual(lows, commits.filter((c) => c.analysis.importance === 'low').map((c) => c.sha));
  assert.deepEqual(orderCommits(commits, 'time').map((c) => c.sha), commits.map((c) => c.sha));
  assert.notEqual(orderCommits(commits, 'time'), commits, 'a copy');
});

test('hostile summaries and reasons are bounded and stay one line', () => {
  const huge = `${'<b>'.repeat(100_000)}\n# heading`;
  const glance = computeGlance([commit({ importance: 'high', summary: huge, reasons: [`(${'('.repeat(50_000)}`, `\`${'x'.repeat(1000)}\``] })], 'en');
  const item = glance.headline[0];
  assert.ok(item !== undefined && item.gist.length <= 120 && !item.gist.includes('\n'));
  assert.ok(item.details.every((detail) => detail.length <= 80));
});
