// The pure pieces of the triage, the days and the web links of the extension: stored marks read back as data, the
// day before and after, the new high-importance commits of a refresh, the pages a commit's menu opens, and what the
// mark commands apply to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Report } from '../../src/core/domain/report.js';
import { adjacentPeriod, canGoNext, dayPeriod } from '../../src/extension/days/dayNavigation.js';
import { newHighCommits } from '../../src/extension/days/newCommits.js';
import { MAX_REVIEWED, parseStoredReviewed, unreadCounts, withReviewed } from '../../src/extension/triage/reviewedSet.js';
import { reportUnread } from '../../src/extension/triage/reviewedSet.js';
import { emptyDayMessage } from '../../src/extension/tree/treeNodes.js';
import { treeWords } from '../../src/extension/i18n/treeWords.js';
import { webPageUrl } from '../../src/extension/webPages.js';
import { emptyAnalysis, makeCommit, makeRepository } from '../support/sampleReport.js';
import { sampleWeekReport, triageRepository } from '../support/sampleTriage.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(64);

function dayReport(): Report {
  return {
    schemaVersion: 1, generatedAt: '2026-01-22T12:00:00Z', language: 'en',
    window: { start: '2026-01-22T00:00:00+08:00', end: '2026-01-23T00:00:00+08:00', timeZone: 'Asia/Shanghai',
      dateField: 'committer', label: '2026-01-22' },
    repositories: [triageRepository('en')],
  };
}

test('stored marks: only full commit ids of a version-1 entry, each once, at most MAX_REVIEWED', () => {
  assert.deepEqual(parseStoredReviewed({ version: 1, shas: [A, B, A, 'HEAD', 42, C.toUpperCase(), C] }), [A, B, C]);
  for (const junk of [undefined, null, 'x', [A], { shas: [A] }, { version: 2, shas: [A] }, { version: 1, shas: 'aaaa' }]) {
    assert.deepEqual(parseStoredReviewed(junk), [], JSON.stringify(junk));
  }
  const many = Array.from({ length: MAX_REVIEWED + 5 }, (_, i) => i.toString(16).padStart(40, '0'));
  const parsed = parseStoredReviewed({ version: 1, shas: many });
  assert.equal(parsed.length, MAX_REVIEWED);
  assert.equal(parsed[0], many[5], 'the oldest marks go first');
});

test('marking: newest mark last, unmarking removes, the cap drops the oldest, junk ids are ignored', () => {
  assert.deepEqual(withReviewed([A, B], [A], true), [B, A]);
  assert.deepEqual(withReviewed([A, B], [A, 'nope'], false), [B]);
  assert.deepEqual(withReviewed([A, B], [C], true, 2), [B, C]);
  assert.deepEqual(withReviewed([], ['HEAD~1'], true), []);
});

test('unread counts per importance, and over a report by repository', () => {
  const report = dayReport();
  const repo = report.repositories[0]!;
  const reviewed = new Set([repo.commits[1]!.sha, repo.commits[0]!.sha]);
  assert.deepEqual(unreadCounts(repo.commits, (sha) => reviewed.has(sha)), { high: 0, medium: 1, low: 5, total: 6 });
  assert.deepEqual(reportUnread(report, (path, sha) => path === '/src/uv' && reviewed.has(sha)).total, 6);
  assert.deepEqual(reportUnread(report, () => false), { high: 1, medium: 1, low: 6, total: 8 });
});

test('days: the day before and after a day or a range, nothing after today, only calendar days', () => {
  const day = { window: { label: '2026-01-22' } };
  assert.deepEqual(adjacentPeriod(day, 'previous', '2026-03-01'), { kind: 'day', day: '2026-01-21' });
  assert.deepEqual(adjacentPeriod(day, 'next', '2026-03-01'), { kind: 'day', day: '2026-01-23' });
  assert.equal(adjacentPeriod(day, 'next', '2026-01-22'), undefined);
  assert.equal(canGoNext(day, '2026-01-22'), false);
  assert.equal(canGoNext(day, '2026-01-23'), true);
  const range = { window: { label: '2026-02-26..2026-03-01' } };
  assert.deepEqual(adjacentPeriod(range, 'previous', '2026-03-10'), { kind: 'day', day: '2026-02-25' });
  assert.deepEqual(adjacentPeriod(range, 'next', '2026-03-10'), { kind: 'day', day: '2026-03-02' });
  assert.deepEqual(adjacentPeriod({ window: { label: '2024-02-28' } }, 'next', '2026-01-01'), { kind: 'day', day: '2024-02-29' });
  assert.equal(adjacentPeriod(undefined, 'previous', '2026-01-01'), undefined);
  for (const junk of ['today', '2026-1-2', '2026-01-22..2026-01-23', 20260122, undefined, ['2026-01-22']]) {
    assert.equal(dayPeriod(junk), undefined, String(junk));
  }
  assert.deepEqual(dayPeriod('2026-08-21'), { kind: 'day', day: '2026-08-21' });
});

test('new high-importance commits: only those a refresh of the same day added', () => {
  const before = dayReport();
  const after = dayReport();
  const fresh = makeCommit({
    sha: 'f'.repeat(40), subject: 'fix(auth): reject expired tokens', date: '2026-01-22T23:00:00+08:00',
    analysis: emptyAnalysis({ importance: 'high', changeType: 'fix' }),
  });
  const calm = makeCommit({ sha: 'e'.repeat(40), subject: 'docs: typo', date: '2026-01-22T23:10:00+08:00', analysis: emptyAnalysis() });
  after.repositories[0]!.commits.unshift(calm, fresh);
  assert.deepEqual(newHighCommits(before, after).map((entry) => entry.commit.subject), ['fix(auth): reject expired tokens']);
  assert.deepEqual(newHighCommits(undefined, after), [], 'the first report brings nothing new');
  assert.deepEqual(newHighCommits(sampleWeekReport('en'), after), [], 'another window is not a refresh');
  assert.deepEqual(newHighCommits(before, dayReport()), []);
});

test('web pages: the commit from its own URL or the repository page, its pull request, a file at a line', () => {
  const repo = triageRepository('en');
  const commit = repo.commits[1]!;
  assert.equal(webPageUrl({ page: 'commit', repo, commit }), `https://github.com/astral-sh/uv/commit/${commit.sha}`);
  assert.equal(webPageUrl({ page: 'pullRequest', repo, commit }), 'https://github.com/astral-sh/uv/pull/15001');
  assert.equal(webPageUrl({ page: 'file', repo, commit, path: 'crates/uv-cli/src/lib.rs', line: 12 }),
    `https://github.com/astral-sh/uv/blob/${commit.sha}/crates/uv-cli/src/lib.rs#L12`);
  // A self-hosted Gitea named by the setting: no commit URL from the remote, the layout of its kind.
  const gitea = makeRepository({ ...repo, webUrl: 'https://git.example.com/team/uv', webKind: 'gitea',
    commits: repo.commits.map((entry) => { const copy = { ...entry }; delete copy.url; return copy; }) });
  const bare = gitea.commits[1]!;
  assert.equal(webPageUrl({ page: 'commit', repo: gitea, commit: bare }), `https://git.example.com/team/uv/commit/${bare.sha}`);
  assert.equal(webPageUrl({ page: 'pullRequest', repo: gitea, commit: bare }), 'https://git.example.com/team/uv/pulls/15001');
  const unknown = makeRepository({ ...gitea, webUrl: undefined, webKind: undefined });
  delete unknown.webUrl;
  delete unknown.webKind;
  assert.equal(webPageUrl({ page: 'commit', repo: unknown, commit: bare }), undefined);
  assert.equal(webPageUrl({ page: 'file', repo: unknown, commit: bare, path: 'a.rs' }), undefined);
});

test('an empty day names the last day with commits', () => {
  const report = dayReport();
  report.repositories = [makeRepository({ name: 'uv', path: '/src/uv', ref: 'HEAD', warnings: [], commits: [], lastCommitDay: '2025-08-21' })];
  assert.equal(emptyDayMessage(report, treeWords('en')), 'No commits on 2026-01-22. The last commit was on 2025-08-21.');
  assert.equal(emptyDayMessage(report, treeWords('zh-CN')), '2026-01-22 没有提交。最近一次提交在 2025-08-21。');
  delete report.repositories[0]!.lastCommitDay;
  assert.equal(emptyDayMessage(report, treeWords('en')), 'No commits on 2026-01-22.');
  assert.equal(emptyDayMessage(dayReport(), treeWords('en')), undefined);
});
