// The Commits tree nodes (src/extension/tree/treeNodes.ts) built from a Report, without vscode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Report } from '../../src/core/domain/report.js';
import { renderMarkdown } from '../../src/core/render/index.js';
import { indexReport } from '../../src/shared/reportIndex.js';
import { formatCommitTime } from '../../src/core/time/format.js';
import { buildTree, childrenOf, commitsUnder, emptyDayMessage, isEmptyReport, type CommitNode, type DigestNode, type GroupNode,
  type TreeOptions } from '../../src/extension/tree/treeNodes.js';
import { treeWords } from '../../src/extension/i18n/treeWords.js';
import { explicitAnchorIds } from '../support/markdownChecks.js';
import { HOSTILE, emptyAnalysis, makeCommit, makeRepository, sampleReport } from '../support/sampleReport.js';
import { sampleWeekReport, triageRepository } from '../support/sampleTriage.js';

const LABELS: TreeOptions = { words: treeWords('en') };

/** The importance groups among the nodes (the glance comes first). */
function groupsOf(nodes: DigestNode[]): GroupNode[] {
  return nodes.filter((node): node is GroupNode => node.kind === 'group');
}

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

test('one repository: the glance, then importance groups high → medium → low, with counts', () => {
  const nodes = buildTree(singleRepoReport(), LABELS);
  assert.deepEqual(nodes.map((node) => node.label), ['At a glance', '🔴 High (2)', '🟡 Medium (1)', '🟢 Low (2)']);
  const high = nodes[1] as GroupNode;
  assert.deepEqual(high.children.map((node) => node.label), ['feat!: scoped tokens', 'fix(auth): expiry']);
  for (const group of groupsOf(nodes)) assert.equal(group.count, group.children.length);
});

test('commit description is shortSha · author · HH:mm in the report time zone', () => {
  const nodes = groupsOf(buildTree(singleRepoReport(), LABELS));
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
  const nodes = groupsOf(buildTree(report, LABELS));
  const node = nodes.flatMap((group) => group.children).find((child) => child.commit === commit)!;
  assert.equal(node.description, '1111111 · Grace Hopper · 09:05 · files unreadable');
  assert.equal(node.time, '09:05');
  assert.deepEqual(node.children, []);
  const readable = nodes.flatMap((group) => group.children).filter((child) => child.commit !== commit);
  assert.ok(readable.every((child) => !child.description?.includes('files unreadable')));
});

test('files: name as label, status and counts as description, renames and binaries described', () => {
  const commit = groupsOf(buildTree(singleRepoReport(), LABELS))[0]!.children[0] as CommitNode;
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
    childrenOf(node).forEach(walk);
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

test('an empty report has no nodes, unless git named the last day with commits: then a button opens it', () => {
  const report = singleRepoReport();
  const empty: Report = { ...report, repositories: [makeRepository({ name: 'acme', path: '/r', ref: 'HEAD', warnings: [], commits: [] })] };
  assert.equal(isEmptyReport(empty), true);
  assert.deepEqual(buildTree(empty, LABELS), []);
  empty.repositories[0]!.lastCommitDay = '2026-01-19';
  const nodes = buildTree(empty, LABELS);
  assert.deepEqual(nodes.map((node) => node.label), ['Open 2026-01-19, the last day with commits']);
  assert.equal(emptyDayMessage(empty, LABELS.words), 'No commits on 2026-01-22. The last commit was on 2026-01-19.');
  assert.equal(emptyDayMessage(report, LABELS.words), undefined);
  const button = nodes[0];
  assert.ok(button?.kind === 'action');
  assert.equal(button.command, 'dailyDigest.openDay');
  assert.deepEqual(button.args, ['2026-01-19']);
  assert.equal(isEmptyReport(report), false);
  assert.deepEqual(buildTree(undefined, LABELS), []);
});

test('formatCommitTime shows the day for ranges and survives a bad zone', () => {
  assert.equal(formatCommitTime('2026-01-22T09:05:00Z', 'UTC', false), '09:05');
  assert.equal(formatCommitTime('2026-01-22T09:05:00Z', 'UTC', true), '01-22 09:05');
  assert.match(formatCommitTime('2026-01-22T09:05:00Z', 'Not/AZone', false), /^\d{2}:\d{2}$/);
  assert.equal(formatCommitTime('garbage', 'UTC', false), 'garbage');
});

function triageDay(language: 'en' | 'zh-CN' = 'en'): Report {
  return {
    schemaVersion: 1, generatedAt: '2026-01-22T12:00:00Z', language,
    window: { start: '2026-01-22T00:00:00+08:00', end: '2026-01-23T00:00:00+08:00', timeZone: 'Asia/Shanghai',
      dateField: 'committer', label: '2026-01-22' },
    repositories: [triageRepository(language)],
  };
}

test('the glance names the breaking change first, then the counts, types, modules and authors', () => {
  const [glance] = buildTree(triageDay(), LABELS);
  assert.ok(glance?.kind === 'glance');
  assert.equal(glance.description, '8 commits by 5 authors, +72 / −536 lines');
  const labels = glance.children.map((line) => line.label);
  assert.equal(labels[0], '💥 Remove the `--legacy-resolver` flag');
  assert.equal(glance.children[0]?.target?.commit.sha, 'b200000000000000000000000000000000000002');
  assert.ok(labels.includes('🔴 1 high · 🟡 1 medium · 🟢 6 low · 💥 1 breaking'), labels.join(' | '));
  assert.ok(labels.some((label) => label.startsWith('Types: Dependencies 6, Feature 1, Fix 1')), labels.join(' | '));
  assert.ok(labels.some((label) => label.startsWith('Authors: ')), labels.join(' | '));
});

test('bot commits and people\'s bumps fold into one collapsed node each, out of the importance groups', () => {
  const nodes = buildTree(triageDay(), LABELS);
  const folds = nodes.filter((node) => node.kind === 'fold');
  assert.deepEqual(folds.map((node) => node.label), [
    'renovate[bot]: 3 dependency updates (jiff 0.2.34, syn 3.0.0, tokio 1.47.1)',
    'Dependency updates by contributors: 2 dependency updates (serde 1.0.220, clap 4.5.42)',
  ]);
  const folded = new Set(folds.flatMap((node) => commitsUnder(node).map((commit) => commit.commit.sha)));
  assert.equal(folded.size, 5);
  const grouped = groupsOf(nodes).flatMap((group) => group.children.map((node) => node.commit.sha));
  assert.ok(grouped.every((sha) => !folded.has(sha)), 'a folded commit is not listed again');
  // The lone dependabot bump stays a row of its own; every commit is somewhere, once.
  assert.equal(grouped.length + folded.size, 8);
  const ids = nodes.flatMap(function all(node: DigestNode): string[] { return [node.id, ...childrenOf(node).flatMap(all)]; });
  assert.equal(new Set(ids).size, ids.length);
});

test('reviewed commits: counted out of the unread descriptions, and said so on the commit', () => {
  const reviewed = new Set(['b200000000000000000000000000000000000002', 'a100000000000000000000000000000000000001']);
  const nodes = buildTree(triageDay(), { ...LABELS, isReviewed: (repo, sha) => repo === '/src/uv' && reviewed.has(sha) });
  const high = groupsOf(nodes).find((group) => group.importance === 'high')!;
  assert.equal(high.unread, 0);
  assert.equal(high.description, '✓ all reviewed');
  assert.equal(high.children[0]?.reviewed, true);
  assert.match(high.children[0]?.description ?? '', / · ✓ reviewed$/);
  const renovate = nodes.find((node) => node.kind === 'fold' && node.group.kind === 'bot');
  assert.ok(renovate?.kind === 'fold');
  assert.equal(renovate.unread, 2);
  assert.equal(renovate.description, '2 unread');
});

test('a range: the glance, one node per day (newest first) with its importance groups, then the folds', () => {
  const nodes = buildTree(sampleWeekReport('en'), LABELS);
  assert.deepEqual(nodes.map((node) => node.kind), ['glance', 'day', 'day', 'day', 'fold', 'fold']);
  const days = nodes.filter((node) => node.kind === 'day');
  assert.deepEqual(days.map((node) => node.label), ['2026-01-22, Thursday (1)', '2026-01-21, Wednesday (1)', '2026-01-20, Tuesday (1)']);
  const first = days[0];
  assert.ok(first?.kind === 'day');
  assert.deepEqual(first.children.map((node) => node.label), ['🔴 High (1)']);
  assert.match(commitsUnder(first)[0]?.description ?? '', / · 01-22 18:00$/);
});

test('labels follow the report language', () => {
  const nodes = buildTree(triageDay('zh-CN'), { words: treeWords('zh-CN') });
  assert.deepEqual(nodes.slice(0, 4).map((node) => node.label), ['概览', '🔴 高 (1)', '🟡 中 (1)', '🟢 低 (1)']);
  const fold = nodes.find((node) => node.kind === 'fold');
  assert.equal(fold?.label, 'renovate[bot]：3 个依赖更新（jiff 0.2.34、syn 3.0.0、tokio 1.47.1）');
  assert.equal(groupsOf(nodes)[0]?.description, '1 个未读');
});

test('facts of the analysis are listed under the commit after its files, and open their file', () => {
  const report = singleRepoReport();
  const commit = report.repositories[0]!.commits[0]!;
  (commit.analysis as unknown as { facts: unknown }).facts = {
    definitions: [
      { kind: 'definition', change: 'added', defKind: 'class', name: 'PrometheusExporter', public: true, language: 'ts', path: 'src/auth/session.ts', line: 12 },
      { kind: 'definition', change: 'removed', defKind: 'function', name: 'legacy', public: true, language: 'ts', path: 'src/utils/strings.ts', line: 3, side: 'old' },
    ],
    flags: [{ kind: 'flag', change: 'removed', name: '--foo\nbar', framework: 'commander', path: 'src/cli.ts', line: 40 }],
    defaults: [{ kind: 'default', name: 'timeout', old: '30', new: '60', path: 'src/auth/session.ts', line: 5 }],
    junk: [42, null, { kind: 'definition' }],
  };
  const node = groupsOf(buildTree(report, LABELS))[0]!.children[0] as CommitNode;
  assert.deepEqual(node.children.map((child) => child.kind), ['file', 'file', 'file', 'fact', 'fact', 'fact', 'fact']);
  const facts = node.children.filter((child) => child.kind === 'fact');
  assert.deepEqual(facts.map((fact) => [fact.label, fact.description, fact.file?.path]), [
    ['+ PrometheusExporter (class)', 'src/auth/session.ts:12', 'src/auth/session.ts'],
    ['− legacy (function)', 'src/utils/strings.ts:3', 'src/utils/text.ts'],
    ['− --foo bar (flag)', 'src/cli.ts:40', undefined],
    ['~ timeout (default)', '30 → 60 · src/auth/session.ts:5', 'src/auth/session.ts'],
  ]);
});
