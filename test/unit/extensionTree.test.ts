// The Commits tree nodes (src/extension/tree/treeNodes.ts) built from a Report, without vscode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Importance } from '../../src/core/domain/analysis.js';
import type { Report } from '../../src/core/domain/report.js';
import { renderMarkdown } from '../../src/core/render/index.js';
import { indexReport } from '../../src/shared/reportIndex.js';
import { formatCommitTime } from '../../src/core/time/format.js';
import { buildTree, isEmptyReport, type CommitNode, type DigestNode, type GroupNode,
  type TreeLabels } from '../../src/extension/tree/treeNodes.js';
import { explicitAnchorIds } from '../support/markdownChecks.js';
import { HOSTILE, emptyAnalysis, makeCommit, makeRepository, sampleReport } from '../support/sampleReport.js';

const EMOJI: Record<Importance, string> = { high: '🔴 High', medium: '🟡 Medium', low: '🟢 Low' };
const LABELS: TreeLabels = {
  group: (importance, count) => `${EMOJI[importance]} (${count})`,
  repoSummary: (commits, high) => `${commits} commits · ${high} high`,
  noSubject: '(no subject)',
  binary: 'binary',
  filesUnreadable: 'files unreadable',
};

function singleRepoReport(): Report {
  const files = [
    { path: 'src/auth/session.ts', status: 'M' as const, additions: 5, deletions: 2, binary: false },
    { path: 'logo.png', status: 'A' as const, additions: 0, deletions: 0, binary: true },
    { path: 'src/utils/text.ts', oldPath: 'src/utils/strings.ts', status: 'R' as const, additions: 0, deletions: 0, binary: false },
  ];
  const commits = [
    ['1111111111111111111111111111111111111111', 'feat!: scoped tokens', 'high', '2026-01-22T09:05:00+08:00'],
    ['2222222222222222222222222222222222222222', 'docs: config', 'low', '2026-01-22T10:15:00+08:00'],
    ['3333333333333333333333333333333333333333', 'ci: matrix', 'medium', '2026-01-22T11:25:00+08:00'],
    ['4444444444444444444444444444444444444444', 'fix(auth): expiry', 'high', '2026-01-22T12:35:00+08:00'],
    ['5555555555555555555555555555555555555555', 'test: leap day', 'low', '2026-01-21T20:45:00-05:00'],
  ] as const;
  const repo = makeRepository({
    name: 'acme', path: '/repos/acme', ref: 'HEAD', warnings: [],
    commits: commits.map(([sha, subject, importance, date], i) => makeCommit({
      sha, subject, date, author: i % 2 === 0 ? 'Grace Hopper' : 'Linus Example', files: i === 0 ? files : [],
      analysis: emptyAnalysis({ importance, changeType: i === 1 ? 'docs' : 'feature' }),
    })),
  });
  return {
    schemaVersion: 1, generatedAt: '2026-01-22T12:00:00Z', language: 'en',
    window: { start: '2026-01-22T00:00:00+08:00', end: '2026-01-23T00:00:00+08:00', timeZone: 'Asia/Shanghai',
      dateField: 'committer', label: '2026-01-22' },
    repositories: [repo],
  };
}

test('one repository: importance groups at the top, high → medium → low, with counts', () => {
  const nodes = buildTree(singleRepoReport(), LABELS);
  assert.deepEqual(nodes.map((node) => node.label), ['🔴 High (2)', '🟡 Medium (1)', '🟢 Low (2)']);
  const high = nodes[0] as GroupNode;
  assert.deepEqual(high.children.map((node) => node.label), ['feat!: scoped tokens', 'fix(auth): expiry']);
  for (const group of nodes as GroupNode[]) assert.equal(group.count, group.children.length);
});

test('commit description is shortSha · author · HH:mm in the report time zone', () => {
  const nodes = buildTree(singleRepoReport(), LABELS) as GroupNode[];
  const first = nodes[0]?.children[0];
  assert.equal(first?.description, '1111111 · Grace Hopper · 09:05');
  // 20:45 at -05:00 is 09:45 the next day in Shanghai.
  const low = nodes[2]?.children.find((node) => node.commit.sha.startsWith('5'));
  assert.equal(low?.description, '5555555 · Grace Hopper · 09:45');
  assert.equal(low?.time, '09:45');
});

test('a commit whose files could not be read says so in its description, after its time', () => {
  const report = singleRepoReport();
  const commit = report.repositories[0]!.commits[0]!;
  commit.files = [];
  commit.unreadable = 'missing blob 1234';
  const nodes = buildTree(report, LABELS) as GroupNode[];
  const node = nodes.flatMap((group) => group.children).find((child) => child.commit === commit)!;
  assert.equal(node.description, '1111111 · Grace Hopper · 09:05 · files unreadable');
  assert.equal(node.time, '09:05');
  assert.deepEqual(node.children, []);
  const readable = nodes.flatMap((group) => group.children).filter((child) => child.commit !== commit);
  assert.ok(readable.every((child) => !child.description?.includes('files unreadable')));
});

test('files: name as label, status and counts as description, renames and binaries described', () => {
  const commit = (buildTree(singleRepoReport(), LABELS)[0] as GroupNode).children[0] as CommitNode;
  assert.deepEqual(commit.children.map((file) => [file.label, file.description]), [
    ['session.ts', 'M +5 −2 · src/auth'],
    ['logo.png', 'A binary'],
    ['text.ts', 'R +0 −0 · src/utils/strings.ts → src/utils/text.ts'],
  ]);
});

test('several repositories: one node per repository; errors and warnings become message nodes', () => {
  const report = sampleReport('en');
  const nodes = buildTree(report, LABELS);
  assert.equal(nodes.length, report.repositories.length);
  assert.ok(nodes.every((node) => node.kind === 'repo'));
  report.repositories.forEach((repo, i) => {
    const node = nodes[i];
    assert.ok(node?.kind === 'repo');
    assert.equal(node.label, repo.name);
    if (repo.error !== undefined) {
      assert.deepEqual(node.children.map((child) => child.kind), ['message']);
      return;
    }
    const groups = node.children.filter((child): child is GroupNode => child.kind === 'group');
    assert.equal(groups.reduce((sum, group) => sum + group.count, 0), repo.commits.length);
    assert.equal(node.children.filter((child) => child.kind === 'message').length, repo.warnings.length);
  });
});

test('hostile subjects stay one line and ids are unique', () => {
  const nodes = buildTree(sampleReport('en'), LABELS);
  const all: DigestNode[] = [];
  const walk = (node: DigestNode): void => {
    all.push(node);
    if (node.kind === 'repo' || node.kind === 'group' || node.kind === 'commit') node.children.forEach(walk);
  };
  nodes.forEach(walk);
  const ids = all.map((node) => node.id);
  assert.equal(new Set(ids).size, ids.length);
  const hostile = all.find((node) => node.kind === 'commit' && node.commit.subject === HOSTILE.subject);
  assert.ok(hostile !== undefined && !/[\r\n]/.test(hostile.label));
});

test('commit anchors are the ids the Markdown renderer wrote', () => {
  for (const report of [sampleReport('en'), singleRepoReport()]) {
    const rendered = new Set(explicitAnchorIds(renderMarkdown(report)));
    for (const entry of indexReport(report).commits) assert.ok(rendered.has(entry.anchor), entry.anchor);
  }
});

test('an empty report has no nodes', () => {
  const report = singleRepoReport();
  const empty: Report = { ...report, repositories: [makeRepository({ name: 'acme', path: '/r', ref: 'HEAD', warnings: [], commits: [] })] };
  assert.equal(isEmptyReport(empty), true);
  assert.deepEqual(buildTree(empty, LABELS), []);
  assert.equal(isEmptyReport(report), false);
  assert.deepEqual(buildTree(undefined, LABELS), []);
});

test('formatCommitTime shows the day for ranges and survives a bad zone', () => {
  assert.equal(formatCommitTime('2026-01-22T09:05:00Z', 'UTC', false), '09:05');
  assert.equal(formatCommitTime('2026-01-22T09:05:00Z', 'UTC', true), '01-22 09:05');
  assert.match(formatCommitTime('2026-01-22T09:05:00Z', 'Not/AZone', false), /^\d{2}:\d{2}$/);
  assert.equal(formatCommitTime('garbage', 'UTC', false), 'garbage');
});
