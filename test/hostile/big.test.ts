// Huge commits: 20,000 files in one commit, and a 200 MB diff. The report stays complete and memory stays bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCommitDiff } from '../../src/core/git/index.js';
import { renderHtml, renderMarkdown } from '../../src/core/render/index.js';
import { FixtureRepo, assertHealthy, at, findHtmlProblems, findMarkdownProblems, healthyRepo, reportOf } from '../support/hostileFixtures.js';

const MB = 1024 * 1024;

function rssAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
}

/** Highest RSS seen while `work` runs, sampled every few milliseconds. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

test('a commit with 20,000 files: the list is capped, totals and stats are right, memory is bounded, the rest is intact', async (t) => {
  const repo = FixtureRepo.create({ prefix: 'dd-20k-' });
  const healthy = healthyRepo();
  t.after(() => { repo.cleanup(); healthy.cleanup(); });
  repo.git(['config', 'gc.auto', '0']); // no background gc racing the cleanup
  repo.write('before.txt', 'x\n').commit('feat: small commit before', { date: at('01:00') });
  for (let dir = 0; dir < 100; dir++) {
    mkdirSync(join(repo.dir, 'gen', `d${dir}`), { recursive: true });
    for (let file = 0; file < 200; file++) writeFileSync(join(repo.dir, 'gen', `d${dir}`, `f${file}.txt`), `line ${dir}-${file}\nsecond\n`);
  }
  repo.commit('chore: generate 20000 files', { date: at('02:00') });
  repo.write('after.txt', 'y\n').commit('fix: small commit after', { date: at('03:00') });

  const before = rssAfterGc();
  const started = Date.now();
  const { result: report, peak } = await peakRss(() => reportOf([repo.dir, healthy.dir]));
  t.diagnostic(`20k-file report: ${Date.now() - started} ms, RSS +${Math.round((peak - before) / MB)} MB`);
  assert.ok(peak - before < 150 * MB, `RSS grew by ${Math.round((peak - before) / MB)} MB`);
  const commits = report.repositories[0]?.commits ?? [];
  assert.deepEqual(commits.map((c) => c.subject), ['fix: small commit after', 'chore: generate 20000 files', 'feat: small commit before']);
  const big = commits[1];
  assert.equal(big?.files.length, 5000);
  assert.equal(big?.filesTruncated, true);
  assert.deepEqual(big?.filesTotal, { files: 20_000, additions: 40_000, deletions: 0 });
  assert.equal(report.repositories[0]?.stats.additions, 40_002);
  assert.equal(report.repositories[0]?.stats.commits, 3);
  assertHealthy(report.repositories[1]);

  const markdown = renderMarkdown(report);
  assert.ok(markdown.length < 2 * MB, `Markdown is ${markdown.length} bytes`);
  // The glance's totals line (the report's statistics) counts every file of the capped commit.
  assert.match(markdown, /^\*\*3 commits by \d+ authors?, \+40002 \/ −0 lines\*\*/m);
  assert.deepEqual(findMarkdownProblems(markdown), []);
  assert.deepEqual(findHtmlProblems(renderHtml(report)), []);
  // Whatever the importance, the user is told the list is partial and how many files there are.
  assert.ok(markdown.includes('feat: small commit before') && markdown.includes('fix: small commit after'));
  assert.ok(big?.analysis.notes.length === 0 || big.analysis.notes.every((n) => !n.includes('\n')));
});

test('a 200 MB diff: reads stay within their budget (bounded RSS) and the report notes the diff was cut', async (t) => {
  const repo = FixtureRepo.create({ prefix: 'dd-200mb-' });
  const healthy = healthyRepo();
  t.after(() => { repo.cleanup(); healthy.cleanup(); });
  repo.write('src/config.ts', 'export const DEFAULT_TIMEOUT = 30;\n').commit('feat: base', { date: at('01:00') });
  // 2 × 100 MB of fixed text lines, written straight from Buffer.alloc (fast, deterministic).
  const line = 'export const DEFAULT_LIMIT = 1234567890; // padding padding padding padding\n';
  repo.write('src/config.ts', Buffer.alloc(100 * MB, line));
  repo.write('config/huge.json', Buffer.alloc(100 * MB, '{"default": 1, "pad": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}\n'));
  const sha = repo.commit('feat: enormous generated defaults', { date: at('02:00') });

  // The raw reader, with a 1 MB budget: RSS does not follow the 200 MB the patch would take.
  const before = rssAfterGc();
  const { result: diff, peak } = await peakRss(() => readCommitDiff(repo.dir, sha, { maxBytes: MB }));
  assert.ok(peak - before < 80 * MB, `RSS grew by ${Math.round((peak - before) / MB)} MB reading a 1 MB budget`);
  assert.equal(diff.truncated, true);
  assert.ok(diff.text.length <= MB);
  assert.deepEqual(diff.omittedFiles, ['config/huge.json', 'src/config.ts'], 'the cut file and the one after it');

  // The whole report: the analyzer's diff reads are cut, and the commit says so; the other commits are intact.
  const startRss = rssAfterGc();
  const { result: report, peak: reportPeak } = await peakRss(() => reportOf([repo.dir, healthy.dir]));
  assert.ok(reportPeak - startRss < 120 * MB, `RSS grew by ${Math.round((reportPeak - startRss) / MB)} MB for the report`);
  const commits = report.repositories[0]?.commits ?? [];
  assert.deepEqual(commits.map((c) => c.subject), ['feat: enormous generated defaults', 'feat: base']);
  const big = commits[0];
  assert.equal(big?.files.find((f) => f.path === 'src/config.ts')?.additions, Math.ceil(100 * MB / line.length));
  assert.deepEqual(big?.analysis.notes.filter((n) => n.startsWith('The diff is too large')), [
    'The diff is too large to read whole: the checks that read it (workflows, manifests, defaults) saw only its first 32 KB.',
  ]);
  assert.deepEqual(commits[1]?.analysis.notes, []);
  assertHealthy(report.repositories[1]);
  const markdown = renderMarkdown(report);
  assert.ok(markdown.includes('The diff is too large to read whole'), 'the note reaches the Markdown');
  assert.deepEqual(findMarkdownProblems(markdown), []);
});
