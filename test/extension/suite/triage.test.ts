// The triage of a day in a real extension host: marks kept per repository in the extension's storage (read back
// after the in-memory state is dropped, as a reload does), unread counts in the tree and the view's badge, bot
// commits folded into one node, moving between days (previous, next, the last day with commits), the refresh after a
// new commit with its one notice, a language switch that relabels the tree with no Refresh, and a fact that opens
// its file's diff at its line. The suite leaves the fixture repository and the settings as it found them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Report } from '../../../src/core/domain/report.js';
import type { DailyDigestTestApi, TreeSnapshotNode } from '../../../src/extension/testApi.js';
import { FixtureRepo } from '../../support/gitFixture.js';
import { createFixtureWorkspace, localIso, type FixtureWorkspace } from '../../ui/fixtureWorkspace.js';

const EXTENSION_ID = 'daily-digest.daily-digest';
const TODAY = { kind: 'day', day: 'today' } as const;

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function flatten(nodes: TreeSnapshotNode[]): TreeSnapshotNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

function findNode(api: DailyDigestTestApi, what: string, match: (node: TreeSnapshotNode) => boolean): TreeSnapshotNode {
  const found = flatten(api.getTreeSnapshot()).find(match);
  assert.ok(found, `no tree node: ${what}; the tree: ${flatten(api.getTreeSnapshot()).map((node) => node.label).join(' | ')}`);
  return found;
}

const commitBySubject = (api: DailyDigestTestApi, subject: string): TreeSnapshotNode =>
  findNode(api, subject, (node) => node.node.kind === 'commit' && node.label === subject);

const groupOf = (api: DailyDigestTestApi, importance: string): TreeSnapshotNode =>
  findNode(api, `${importance} group`, (node) => node.node.kind === 'group' && node.node.importance === importance);

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('dailyDigest').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('Triage, days and new commits (real extension host)', function () {
  let api: DailyDigestTestApi;
  let repoDir: string;
  let repos: string[] | undefined;
  let ownFixture: FixtureWorkspace | undefined;
  let startHead: string;
  const cleanups: (() => void)[] = [];

  const git = (args: string[], env: NodeJS.ProcessEnv = {}): string => execFileSync('git', args, {
    cwd: repoDir, encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', ...env },
  }).trim();

  async function today(): Promise<Report> {
    const report = await api.generate(TODAY, repos);
    assert.ok(report, 'no report for today');
    return report;
  }

  before(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<DailyDigestTestApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    api = await extension.activate();
    const fromEnv = process.env.DAILY_DIGEST_FIXTURE;
    if (fromEnv !== undefined && (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.fsPath === fromEnv)) {
      repoDir = fromEnv;
    } else {
      ownFixture = createFixtureWorkspace();
      repoDir = ownFixture.dir;
      repos = [repoDir];
    }
    startHead = git(['rev-parse', 'HEAD']);
  });

  after(async function () {
    this.timeout(60_000);
    for (const key of ['language', 'autoRefresh', 'notifyNewHighImportance', 'excludeAuthors', 'botPatterns']) {
      await setSetting(key, undefined);
    }
    git(['reset', '-q', '--hard', startHead]);
    git(['clean', '-q', '-f', '--', 'src']);
    if (api !== undefined) {
      await vscode.commands.executeCommand('dailyDigest.markAllUnreviewed', (await today()).repositories[0]?.commits.map((c) => c.sha));
      await today();
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    cleanups.forEach((cleanup) => cleanup());
    ownFixture?.cleanup();
  });

  it('marks commits reviewed: counts fall in the tree and the badge, and the marks outlive the memory', async function () {
    this.timeout(60_000);
    const report = await today();
    const commits = report.repositories[0]?.commits ?? [];
    const unreadBefore = api.getViewBadge()?.value;
    assert.equal(unreadBefore, commits.length, 'every commit starts unread');
    assert.match(api.getViewBadge()?.tooltip ?? '', /not reviewed yet/);
    assert.equal(groupOf(api, 'high').description, '2 unread');

    // The inline action on a tree node, and the command the report calls with a SHA.
    const breaking = commitBySubject(api, 'feat!: switch session tokens to the scoped format');
    assert.match(breaking.contextValue ?? '', /^commit\..*unread$/);
    await vscode.commands.executeCommand('dailyDigest.markReviewed', breaking.node);
    const fix = commits.find((commit) => commit.subject.startsWith('fix(auth)'));
    assert.ok(fix);
    await vscode.commands.executeCommand('dailyDigest.markReviewed', fix.sha);
    assert.equal(api.getViewBadge()?.value, commits.length - 2);
    assert.equal(groupOf(api, 'high').description, '✓ all reviewed');
    assert.match(groupOf(api, 'high').contextValue ?? '', /\.reviewed$/);
    const marked = commitBySubject(api, 'feat!: switch session tokens to the scoped format');
    assert.match(marked.description ?? '', / · ✓ reviewed$/);
    assert.match(marked.contextValue ?? '', /\.reviewed$/);

    // As after a reload: the marks in memory are dropped and read back from the extension's storage.
    api.reloadTriage();
    assert.match(commitBySubject(api, 'feat!: switch session tokens to the scoped format').description ?? '', /✓ reviewed$/);
    await today();
    assert.equal(api.getViewBadge()?.value, commits.length - 2, 'a new report of the day keeps the marks');
    // Never in the repository: the work tree is clean and nothing under .git names the marks.
    assert.equal(git(['status', '--porcelain']), '');

    // A whole group at once, and back.
    await vscode.commands.executeCommand('dailyDigest.markAllReviewed', groupOf(api, 'low').node);
    assert.equal(api.getViewBadge()?.value, 1, 'only the medium commit is left');
    await vscode.commands.executeCommand('dailyDigest.markAllUnreviewed', groupOf(api, 'low').node);
    await vscode.commands.executeCommand('dailyDigest.markUnreviewed', fix.sha);
    assert.equal(api.getViewBadge()?.value, commits.length - 1);
    // Unknown SHAs and junk arguments mark nothing.
    assert.equal(await vscode.commands.executeCommand('dailyDigest.markReviewed', 'f'.repeat(40)), 0);
    assert.equal(await vscode.commands.executeCommand('dailyDigest.markReviewed', { kind: 'commit' }), 0);
  });

  it('folds a bot\'s commits into one node that opens on click, and follows the author settings', async function () {
    this.timeout(60_000);
    const repo = FixtureRepo.create({ prefix: 'dd-bots-' });
    cleanups.push(() => repo.cleanup());
    const renovate = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };
    // Five times from up to 50 minutes ago to now, all today (the suite may run just after midnight).
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    const first = Math.max(Date.now() - 50 * 60_000, midnight.getTime() + 1000);
    const step = (Date.now() - first) / 5;
    const times = [0, 1, 2, 3, 4].map((i) => localIso(new Date(first + i * step)));
    repo.write('Cargo.toml', '[dependencies]\njiff = "0.2.33"\n').commit('chore: start', { date: times[0]! });
    repo.write('Cargo.toml', '[dependencies]\njiff = "0.2.34"\n')
      .commit('Update Rust crate jiff to v0.2.34', { date: times[1]!, author: renovate });
    repo.write('Cargo.toml', '[dependencies]\njiff = "0.2.34"\nsyn = "3.0.0"\n')
      .commit('Update Rust crate syn to v3.0.0', { date: times[2]!, author: renovate });
    repo.write('src/lib.rs', 'pub fn two() -> u8 { 2 }\n')
      .commit('feat: add two', { date: times[3]!, author: { name: 'Grace Hopper', email: 'grace@example.com' } });
    const report = await api.generate(TODAY, [repo.dir]);
    assert.ok(report);
    const fold = findNode(api, 'the renovate group', (node) => node.node.kind === 'fold');
    assert.equal(fold.label, 'renovate[bot]: 2 dependency updates (syn 3.0.0, jiff 0.2.34)');
    assert.equal(fold.children.length, 2);
    assert.match(fold.contextValue ?? '', /^fold\.unread$/);
    const listed = flatten(api.getTreeSnapshot()).filter((node) => node.node.kind === 'commit' && node.label.startsWith('Update Rust'));
    assert.equal(listed.length, 2, 'each bot commit is listed once, under its group');

    // Without renovate among the bot patterns, the bumps are a person's dependency updates (still folded, as deps).
    await setSetting('botPatterns', ['[bot]-nothing']);
    await waitFor('the report made again without the bot pattern', () =>
      flatten(api.getTreeSnapshot()).find((node) => node.node.kind === 'fold' && node.label.startsWith('Dependency updates')), 15_000);
    // Leaving an author out removes their commits from the report.
    await setSetting('excludeAuthors', ['grace@']);
    await waitFor('Grace\'s commit left out', () =>
      !api.getCurrentReport()?.repositories[0]?.commits.some((commit) => commit.author.name === 'Grace Hopper'), 15_000);
    await setSetting('excludeAuthors', undefined);
    await setSetting('botPatterns', undefined);
    await waitFor('the settings back', () => api.getCurrentReport()?.repositories[0]?.commits.length === 4, 15_000);
  });

  it('moves to the previous and next day, and from an empty day to the last day with commits', async function () {
    this.timeout(60_000);
    const shown = await today();
    const label = shown.window.label;
    await vscode.commands.executeCommand('dailyDigest.previousDay');
    const yesterday = api.getCurrentReport();
    assert.ok(yesterday && yesterday.window.label < label, `went back from ${label} to ${yesterday?.window.label}`);
    assert.deepEqual(api.getOpenPeriod(), { kind: 'day', day: yesterday.window.label });
    assert.equal(yesterday.repositories[0]?.commits.length, 1, 'the fixture\'s base commit is from yesterday');
    await vscode.commands.executeCommand('dailyDigest.nextDay');
    assert.equal(api.getCurrentReport()?.window.label, label);
    // Nothing lies after today.
    await vscode.commands.executeCommand('dailyDigest.nextDay');
    assert.equal(api.getCurrentReport()?.window.label, label);

    // An empty day names the last day with commits and offers to open it.
    await api.generate({ kind: 'day', day: '2001-02-03' }, repos);
    assert.equal(api.getViewState(), 'empty');
    assert.equal(api.getViewMessage(), `No commits on 2001-02-03. The last commit was on ${label}.`);
    const [button] = api.getTreeSnapshot();
    assert.ok(button?.command, 'no button in the empty tree');
    assert.equal(button.label, `Open ${label}, the last day with commits`);
    await vscode.commands.executeCommand(button.command.command, ...button.command.arguments);
    assert.equal(api.getCurrentReport()?.window.label, label);
    assert.equal(api.getViewMessage(), undefined);
    await vscode.commands.executeCommand('dailyDigest.openDay', 'not-a-day');
    assert.equal(api.getCurrentReport()?.window.label, label, 'a bad day opens nothing');
  });

  it('after a new commit the shown day refreshes by itself, and one notice shows the new high-importance commit', async function () {
    this.timeout(60_000);
    await setSetting('autoRefresh', true);
    await today();
    await vscode.commands.executeCommand('dailyDigest.openReport');
    const noticesBefore = api.getNotices().at(-1)?.seq ?? -1;
    writeFileSync(join(repoDir, 'src/tokens.ts'), 'export const scoped = true;\n');
    git(['add', '--', 'src/tokens.ts']);
    const now = localIso(new Date());
    git(['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'feat!: drop unscoped tokens\n\nBREAKING CHANGE: unscoped tokens are refused.'], {
      GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_AUTHOR_DATE: now,
      GIT_COMMITTER_NAME: 'Ada Lovelace', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_COMMITTER_DATE: now,
    });
    const sha = git(['rev-parse', 'HEAD']);
    const started = Date.now();
    await waitFor('the new commit in the shown report', () =>
      api.getCurrentReport()?.repositories[0]?.commits.some((commit) => commit.sha === sha), 15_000);
    const notice = await waitFor('the new-commit notice', () =>
      api.getNotices().find((entry) => entry.seq > noticesBefore && entry.message.startsWith('A new high-importance commit')), 15_000);
    console.log(`      (refreshed and noticed ${Date.now() - started} ms after the commit)`);
    assert.equal(notice.message, 'A new high-importance commit: feat!: drop unscoped tokens');
    assert.deepEqual(notice.actions, ['Show']);
    const index = api.getNotices().findIndex((entry) => entry.message === notice.message);
    api.chooseNoticeAction(index, 'Show');
    await waitFor('the new commit opened', () => api.getLastOpened()?.sha === sha);
    assert.equal(api.getLastOpened()?.kind, 'changes');

    // With the notice turned off, the day still refreshes but says nothing.
    await setSetting('notifyNewHighImportance', false);
    const count = api.getNotices().at(-1)?.seq ?? -1;
    writeFileSync(join(repoDir, 'src/tokens.ts'), 'export const scoped = false;\n');
    git(['-c', 'commit.gpgsign=false', 'commit', '-q', '-am', 'fix(auth)!: refuse tokens without scope'], {
      GIT_AUTHOR_DATE: localIso(new Date()), GIT_COMMITTER_DATE: localIso(new Date()),
      GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada Lovelace', GIT_COMMITTER_EMAIL: 'ada@example.com',
    });
    const second = git(['rev-parse', 'HEAD']);
    await waitFor('the second commit in the shown report', () =>
      api.getCurrentReport()?.repositories[0]?.commits.some((commit) => commit.sha === second), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(api.getNotices().at(-1)?.seq ?? -1, count, 'no notice with dailyDigest.notifyNewHighImportance off');
  });

  it('a language switch relabels the tree, the badge and the status with no Refresh', async function () {
    this.timeout(60_000);
    await today();
    assert.equal(api.getTreeSnapshot()[0]?.label, 'At a glance');
    await setSetting('language', 'zh-CN');
    await waitFor('the report made again in Chinese', () => api.getCurrentReport()?.language === 'zh-CN', 15_000);
    const labels = api.getTreeSnapshot().map((node) => node.label);
    assert.equal(labels[0], '概览');
    assert.ok(labels.includes(`🔴 高 (${groupOf(api, 'high').children.length})`), labels.join(' | '));
    assert.match(api.getViewBadge()?.tooltip ?? '', /个提交尚未审阅$/);
    assert.match(groupOf(api, 'medium').description ?? '', /个未读$/);
    await setSetting('language', undefined);
    await waitFor('the report back in English', () => api.getCurrentReport()?.language === 'en', 15_000);
    assert.equal(api.getTreeSnapshot()[0]?.label, 'At a glance');
  });

  it('a fact opens its file\'s diff at its line', async function () {
    this.timeout(30_000);
    const report = await today();
    const repo = report.repositories[0];
    const commit = repo?.commits.find((candidate) => candidate.subject.startsWith('feat(export)'));
    assert.ok(repo && commit);
    const file = commit.files.find((candidate) => candidate.path.endsWith('csv.ts'));
    assert.ok(file, 'the feature commit adds csv.ts');
    // The node the tree makes from a fact of the analysis ("+ toCsv (function)").
    const fact = {
      kind: 'fact', id: 'test/fact', label: '+ toCsv (function)', repo, commit, file,
      link: { kind: 'definition', sign: '+', name: 'toCsv', what: 'function', path: file.path, line: 3, side: 'new' },
    };
    await vscode.commands.executeCommand('dailyDigest.openFact', fact);
    assert.deepEqual(api.getLastOpened(), { kind: 'fact', repo: repo.path, sha: commit.sha, path: file.path, line: 3, side: 'new' });
    const editor = await waitFor('the diff\'s editor at line 3', () => vscode.window.visibleTextEditors.find((candidate) =>
      candidate.document.uri.scheme === 'daily-digest-git' && candidate.selection.active.line === 2));
    assert.ok(editor.document.uri.query.includes(commit.sha));
  });
});
