// Daily Digest inside a real extension host (real `vscode` API), against a git repository with commits dated today:
// the harness's fixture workspace (DAILY_DIGEST_FIXTURE), or, without it, a fixture this suite builds itself.
// Uses the TEST-ONLY API returned by activate() (src/extension/testApi.ts).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnalyzedCommit, Report } from '../../../src/core/domain/report.js';
import type { DailyDigestTestApi, TreeSnapshotNode } from '../../../src/extension/testApi.js';
import { FixtureRepo } from '../../support/gitFixture.js';
import { commitFactLinks } from '../../../src/shared/factLinks.js';
import { createFixtureWorkspace, type FixtureWorkspace } from '../../ui/fixtureWorkspace.js';

const EXTENSION_ID = 'daily-digest.daily-digest';
const GIT_SCHEME = 'daily-digest-git';
const COMMANDS = [
  'generateToday', 'generateForDate', 'refresh', 'openReport', 'exportReport', 'copyMarkdown', 'openOnRemote',
  'copySha', 'copySubject', 'showInReport',
].map((id) => `dailyDigest.${id}`);

interface TextDiffLike {
  original: vscode.Uri;
  modified: vscode.Uri;
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs);
}

/** The multi-diff tab input: `TabInputTextMultiDiff` is not in the stable typings, so it is duck-typed. */
function multiDiffOf(tab: vscode.Tab): TextDiffLike[] | undefined {
  const input: unknown = tab.input;
  if (typeof input !== 'object' || input === null || !('textDiffs' in input)) return undefined;
  const diffs = (input as { textDiffs: unknown }).textDiffs;
  return Array.isArray(diffs) ? (diffs as TextDiffLike[]) : undefined;
}

function queryOf(uri: vscode.Uri | undefined): URLSearchParams {
  return new URLSearchParams(uri?.query ?? '');
}

function flatten(nodes: TreeSnapshotNode[]): TreeSnapshotNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

function commitNodes(snapshot: TreeSnapshotNode[]): TreeSnapshotNode[] {
  return flatten(snapshot).filter((node) => node.node.kind === 'commit');
}

function commitNode(snapshot: TreeSnapshotNode[], subjectStart: string): TreeSnapshotNode {
  const found = commitNodes(snapshot).find((node) => node.label.startsWith(subjectStart));
  assert.ok(found, `no commit node for "${subjectStart}"`);
  return found;
}

function commitOf(node: TreeSnapshotNode): AnalyzedCommit {
  assert.ok(node.node.kind === 'commit' || node.node.kind === 'file');
  return node.node.commit;
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

async function runItemCommand(node: TreeSnapshotNode): Promise<void> {
  assert.ok(node.command, `${node.label} has no click command`);
  await vscode.commands.executeCommand(node.command.command, ...node.command.arguments);
}

async function textOf(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

async function waitForDiffTab(title: string): Promise<vscode.TabInputTextDiff> {
  return waitFor(`a diff tab "${title}"`, () => {
    const tab = allTabs().find((candidate) => candidate.label === title && candidate.input instanceof vscode.TabInputTextDiff);
    return tab?.input as vscode.TabInputTextDiff | undefined;
  });
}

describe('Daily Digest in a real extension host', function () {
  let api: DailyDigestTestApi;
  let repoDir: string;
  let git: FixtureRepo;
  let ownFixture: FixtureWorkspace | undefined;
  /** True when the window opened the fixture, so commands work on the workspace itself. */
  let inWorkspace = false;
  let todayShas: string[];

  before(async function () {
    this.timeout(60_000);
    const fromEnv = process.env.DAILY_DIGEST_FIXTURE;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (fromEnv !== undefined && fromEnv !== '' && folders.some((folder) => folder.uri.fsPath === fromEnv)) {
      repoDir = fromEnv;
      inWorkspace = true;
    } else {
      ownFixture = createFixtureWorkspace();
      repoDir = ownFixture.dir;
    }
    git = FixtureRepo.at(repoDir);
    // Every commit except the first (yesterday's base) is dated today.
    todayShas = git.git(['rev-list', '--reverse', 'HEAD']).split('\n').slice(1);
    const extension = vscode.extensions.getExtension<DailyDigestTestApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    api = await extension.activate();
  });

  after(async () => {
    await closeEditors();
    ownFixture?.cleanup();
  });

  async function generateToday(): Promise<Report> {
    if (inWorkspace) await vscode.commands.executeCommand('dailyDigest.generateToday');
    else await api.generate({ kind: 'day', day: 'today' }, [repoDir]);
    const report = api.getCurrentReport();
    assert.ok(report, 'no report after generating');
    return report;
  }

  it('activates lazily, with nothing generated yet', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(extension?.isActive, true);
    assert.equal(typeof api.getTreeSnapshot, 'function');
    assert.equal(typeof api.handleWebviewMessage, 'function');
    assert.equal(api.getCurrentReport(), undefined, 'a report exists before any command: git ran at activation');
    assert.deepEqual(api.getTreeSnapshot(), []);
    assert.equal(api.getViewState(), 'none');
  });

  it('registers every command it contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of COMMANDS) assert.ok(registered.has(id), `${id} is not registered`);
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { commands: { command: string; category?: string }[] };
    }).contributes.commands;
    for (const { command } of contributed) assert.ok(registered.has(command), `${command} is contributed but not registered`);
    for (const id of COMMANDS) assert.ok(contributed.some((entry) => entry.command === id), `${id} is not contributed`);
  });

  it('"Generate Report for Today" fills the tree with importance groups, counts and every commit of today', async function () {
    this.timeout(60_000);
    const report = await generateToday();
    assert.equal(report.repositories.length, 1);
    const [repo] = report.repositories;
    assert.ok(repo);
    assert.equal(repo.error, undefined, repo.error);
    assert.deepEqual(new Set(repo.commits.map((commit) => commit.sha)), new Set(todayShas));
    assert.equal(api.getViewState(), 'ready');

    const snapshot = api.getTreeSnapshot();
    const groups = snapshot.filter((node) => node.node.kind === 'group');
    assert.deepEqual(groups.map((group) => (group.node.kind === 'group' ? group.node.importance : group.label)),
      ['high', 'medium', 'low'], `expected all three importance groups, got ${snapshot.map((node) => node.label).join(', ')}`);
    // The fixture says which group each commit lands in (the offline analyzer's scores, docs/rules.md).
    const fixtureCommits = ownFixture?.commits ??
      (JSON.parse(process.env.DAILY_DIGEST_FIXTURE_COMMITS ?? '[]') as FixtureWorkspace['commits']);
    for (const expected of fixtureCommits.filter((commit) => commit.expected !== null)) {
      const commit = repo.commits.find((candidate) => candidate.sha === expected.sha);
      assert.equal(commit?.analysis.importance, expected.expected, `${expected.subject}: importance`);
    }
    assert.equal(repo.name, 'acme/widgets', 'the name comes from the origin remote');
    assert.equal(repo.webUrl, 'https://github.com/acme/widgets');
    const order = ['high', 'medium', 'low'];
    let total = 0;
    let previous = -1;
    for (const group of groups) {
      assert.ok(group.node.kind === 'group');
      const match = /^(🔴|🟡|🟢) .+ \((\d+)\)$/u.exec(group.label);
      assert.ok(match, `group label "${group.label}"`);
      assert.equal(Number(match[2]), group.children.length, group.label);
      assert.equal(group.children.length, repo.stats[group.node.importance]);
      const rank = order.indexOf(group.node.importance);
      assert.ok(rank > previous, 'groups are ordered high → medium → low');
      previous = rank;
      total += group.children.length;
    }
    assert.equal(total, todayShas.length);

    const commits = commitNodes(snapshot);
    assert.deepEqual(new Set(commits.map((node) => commitOf(node).sha)), new Set(todayShas));
    for (const node of commits) {
      const commit = commitOf(node);
      assert.equal(node.label, commit.subject);
      assert.match(node.description ?? '', new RegExp(`^${commit.shortSha} · .+ · \\d{2}:\\d{2}$`));
      assert.equal(node.command?.command, 'dailyDigest.openCommitChanges');
      // Its files, then the facts the analysis read from the code (each a link to its line).
      const { links, more } = commitFactLinks(commit);
      const files = node.children.slice(0, commit.files.length);
      assert.deepEqual(files.map((file) => file.label), commit.files.map((file) => file.path.split('/').pop()));
      const facts = node.children.slice(commit.files.length);
      assert.equal(facts.filter((child) => child.node.kind === 'fact').length, links.length, 'one node per fact link');
      assert.equal(facts.length, links.length + (more > 0 ? 1 : 0));
    }
    const breaking = commitNode(snapshot, 'feat!: switch session tokens');
    const high = groups.find((group) => group.node.kind === 'group' && group.node.importance === 'high');
    assert.ok(high?.children.includes(breaking), 'the breaking change is in the High group');
  });

  it('opens the report beside the editor in a webview', async function () {
    if (!inWorkspace) await vscode.commands.executeCommand('dailyDigest.openReport');
    const tab = await waitFor('the report webview tab', () => allTabs().find((candidate) =>
      candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.includes('dailyDigest.report')));
    assert.match(tab.label, /\d{4}-\d{2}-\d{2}/);
  });

  it('a commit click opens a multi-file diff of the commit against its first parent', async function () {
    await closeEditors();
    const node = commitNode(api.getTreeSnapshot(), 'feat!: switch session tokens');
    const commit = commitOf(node);
    await runItemCommand(node);
    const diffs = await waitFor('a multi-diff tab', () => {
      for (const tab of allTabs()) {
        const found = multiDiffOf(tab);
        if (found !== undefined && found.length > 0) return found;
      }
      return undefined;
    });
    const rightPaths = diffs.map((diff) => queryOf(diff.modified).get('path')).sort();
    assert.deepEqual(rightPaths, commit.files.map((file) => file.path).sort());
    for (const diff of diffs) {
      assert.equal(diff.modified.scheme, GIT_SCHEME);
      assert.equal(queryOf(diff.modified).get('sha'), commit.sha);
      assert.equal(queryOf(diff.original).get('sha'), commit.parents[0]);
    }
    const first = diffs[0];
    assert.ok(first);
    const path = queryOf(first.modified).get('path') ?? '';
    assert.equal(await textOf(first.modified), `${git.git(['show', `${commit.sha}:${path}`])}\n`);
    assert.deepEqual(api.getLastOpened(), { kind: 'changes', repo: api.getCurrentReport()?.repositories[0]?.path, sha: commit.sha });
  });

  it('a file click opens a diff of parent:file against commit:file, read from git objects', async function () {
    await closeEditors();
    const node = commitNode(api.getTreeSnapshot(), 'fix(auth): reject expired refresh tokens');
    const commit = commitOf(node);
    const file = node.children.find((child) => child.label === 'refresh.ts');
    assert.ok(file, 'refresh.ts under the fix commit');
    await runItemCommand(file);
    const input = await waitForDiffTab(`src/auth/refresh.ts (${commit.shortSha}^ ↔ ${commit.shortSha})`);
    assert.equal(input.original.scheme, GIT_SCHEME);
    assert.equal(await textOf(input.original), `${git.git(['show', `${commit.parents[0]}:src/auth/refresh.ts`])}\n`);
    assert.equal(await textOf(input.modified), `${git.git(['show', `${commit.sha}:src/auth/refresh.ts`])}\n`);
    assert.notEqual(await textOf(input.original), await textOf(input.modified));
  });

  it('renamed, added and binary files open too', async function () {
    await closeEditors();
    const snapshot = api.getTreeSnapshot();
    const rename = commitNode(snapshot, 'refactor: rename utils/strings.ts');
    const renameCommit = commitOf(rename);
    const renamed = rename.children[0];
    assert.ok(renamed);
    await runItemCommand(renamed);
    const renameInput = await waitForDiffTab(
      `src/utils/strings.ts → src/utils/text.ts (${renameCommit.shortSha}^ ↔ ${renameCommit.shortSha})`);
    assert.equal(queryOf(renameInput.original).get('path'), 'src/utils/strings.ts');
    assert.equal(await textOf(renameInput.original), await textOf(renameInput.modified));
    assert.match(await textOf(renameInput.modified), /capitalize/);

    const docs = commitNode(snapshot, 'docs: document the configuration keys');
    const added = docs.children.find((child) => child.label === 'config.md');
    assert.ok(added);
    await runItemCommand(added);
    const addedInput = await waitForDiffTab(`docs/config.md (${commitOf(docs).shortSha}^ ↔ ${commitOf(docs).shortSha})`);
    assert.equal(await textOf(addedInput.original), '');
    assert.match(await textOf(addedInput.modified), /portal\.port/);

    const logo = commitNode(snapshot, 'feat: add the portal logo');
    const png = logo.children[0];
    assert.ok(png);
    await runItemCommand(png);
    const pngInput = await waitForDiffTab(`assets/logo.png (${commitOf(logo).shortSha}^ ↔ ${commitOf(logo).shortSha})`);
    assert.match(await textOf(pngInput.modified), /\d+/);
    assert.doesNotMatch(await textOf(pngInput.modified), /PNG/);
  });

  it('a link message from the report webview opens the right diff', async function () {
    await closeEditors();
    const report = api.getCurrentReport();
    const commit = report?.repositories[0]?.commits.find((candidate) => candidate.subject.startsWith('fix(auth)'));
    assert.ok(commit);
    const result = await api.handleWebviewMessage({ type: 'openFile', sha: commit.sha, path: 'src/auth/refresh.ts', repo: 0 });
    assert.deepEqual(result, { ok: true, action: 'openFile' });
    const input = await waitForDiffTab(`src/auth/refresh.ts (${commit.shortSha}^ ↔ ${commit.shortSha})`);
    assert.equal(queryOf(input.modified).get('sha'), commit.sha);

    await closeEditors();
    const byShort = await api.handleWebviewMessage({ type: 'openCommit', sha: commit.shortSha });
    assert.deepEqual(byShort, { ok: true, action: 'openCommit' });
    assert.equal(api.getLastOpened()?.sha, commit.sha);
  });

  it('forged webview messages are refused and open nothing', async function () {
    await closeEditors();
    const report = api.getCurrentReport();
    const commit = report?.repositories[0]?.commits[0];
    assert.ok(commit);
    const before = api.getLastOpened();
    const forged: unknown[] = [
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'openCommit', sha: 'f'.repeat(40) },
      { type: 'openFile', sha: commit.sha, path: '../../etc/passwd' },
      { type: 'openFile', sha: commit.sha, path: '/etc/passwd' },
      { type: 'openFile', sha: commit.sha, path: 'not/in/this/commit.ts' },
      { type: 'openExternal', url: 'javascript:alert(1)' },
      { type: 'openExternal', url: 'command:workbench.action.terminal.new' },
      { type: 'openExternal', url: 'file:///etc/passwd' },
      'openCommit',
      null,
    ];
    for (const message of forged) {
      const result = await api.handleWebviewMessage(message);
      assert.equal(result.ok, false, `accepted ${JSON.stringify(message)}`);
    }
    assert.equal(api.getLastOpened(), before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(allTabs().filter((tab) => tab.input instanceof vscode.TabInputTextDiff || multiDiffOf(tab)).length, 0);
  });

  it('diff documents refuse addresses outside the reported repositories', async () => {
    const sha = todayShas[0] ?? '';
    const outside = vscode.Uri.from({
      scheme: GIT_SCHEME, path: '/passwd', query: new URLSearchParams({ repo: '/etc', sha, path: 'passwd' }).toString(),
    });
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(outside)));
    const traversal = vscode.Uri.from({
      scheme: GIT_SCHEME, path: '/x', query: new URLSearchParams({ repo: repoDir, sha, path: '../../etc/passwd' }).toString(),
    });
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(traversal)));
  });

  it('Copy SHA and Copy Subject put the commit on the clipboard; Copy Report as Markdown the report', async () => {
    const node = commitNode(api.getTreeSnapshot(), 'fix(auth): reject expired refresh tokens');
    const commit = commitOf(node);
    await vscode.commands.executeCommand('dailyDigest.copySha', node.node);
    assert.equal(await vscode.env.clipboard.readText(), commit.sha);
    await vscode.commands.executeCommand('dailyDigest.copySubject', node.node);
    assert.equal(await vscode.env.clipboard.readText(), commit.subject);
    await vscode.commands.executeCommand('dailyDigest.copyMarkdown');
    const markdown = await vscode.env.clipboard.readText();
    assert.match(markdown, /^# /);
    assert.ok(markdown.includes(commit.subject));
  });

  it('Show in Report opens the report panel', async () => {
    await closeEditors();
    const node = commitNode(api.getTreeSnapshot(), 'fix(auth): reject expired refresh tokens');
    await vscode.commands.executeCommand('dailyDigest.showInReport', node.node);
    await waitFor('the report webview tab', () => allTabs().find((candidate) =>
      candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.includes('dailyDigest.report')));
  });

  it('cancelling a generation keeps the report shown', async () => {
    const before = api.getCurrentReport();
    const pending = api.generate({ kind: 'day', day: 'yesterday' }, inWorkspace ? undefined : [repoDir]);
    api.cancel();
    assert.equal(await pending, undefined);
    assert.equal(api.getCurrentReport(), before);
    assert.equal(api.getViewState(), 'ready');
  });

  it('a day without commits leaves only the way to the last day with commits in the tree', async function () {
    this.timeout(60_000);
    const report = await api.generate({ kind: 'day', day: '2001-01-01' }, inWorkspace ? undefined : [repoDir]);
    assert.ok(report);
    assert.equal(report.repositories[0]?.commits.length, 0);
    assert.equal(api.getViewState(), 'empty');
    const lastDay = report.repositories[0]?.lastCommitDay;
    assert.match(lastDay ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(api.getTreeSnapshot().map((node) => [node.label, node.command?.command, node.command?.arguments]),
      [[`Open ${lastDay}, the last day with commits`, 'dailyDigest.openDay', [lastDay]]]);
    await generateToday();
  });

  it('the root commit (yesterday) shows every file as added', async function () {
    this.timeout(60_000);
    await closeEditors();
    const report = await api.generate({ kind: 'day', day: 'yesterday' }, inWorkspace ? undefined : [repoDir]);
    assert.ok(report);
    const node = commitNode(api.getTreeSnapshot(), 'chore: initial project');
    const commit = commitOf(node);
    assert.deepEqual(commit.parents, []);
    const readme = node.children.find((child) => child.label === 'README.md');
    assert.ok(readme);
    await runItemCommand(readme);
    const input = await waitForDiffTab(`README.md (∅ ↔ ${commit.shortSha})`);
    assert.equal(await textOf(input.original), '');
    assert.match(await textOf(input.modified), /ACME portal/);
    await generateToday();
  });
});
