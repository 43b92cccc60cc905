// Auto-refresh in a real extension host: with `dailyDigest.autoRefresh` on and a report shown, a new commit in the
// repository (git moves a ref under .git/) brings the report and the tree up to date on its own, within seconds.
// The suite leaves the fixture repository as it found it (HEAD reset, setting removed).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DailyDigestTestApi, TreeSnapshotNode } from '../../../src/extension/testApi.js';
import { createFixtureWorkspace, localIso, type FixtureWorkspace } from '../../ui/fixtureWorkspace.js';

const EXTENSION_ID = 'daily-digest.daily-digest';
/** How long the report may take to follow a commit: the extension waits 1 s after the last ref change, then runs git. */
const REFRESH_BUDGET_MS = 10_000;

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function flatten(nodes: TreeSnapshotNode[]): TreeSnapshotNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

describe('Auto-refresh (real extension host)', function () {
  let api: DailyDigestTestApi;
  let repoDir: string;
  let repos: string[] | undefined;
  let ownFixture: FixtureWorkspace | undefined;
  let startHead: string;
  let counter = 0;

  const git = (args: string[], env: NodeJS.ProcessEnv = {}): string => execFileSync('git', args, {
    cwd: repoDir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', ...env },
  }).trim();

  /** A commit dated now, by a fixed identity. Returns its SHA. */
  function commitNow(subject: string): string {
    counter += 1;
    writeFileSync(join(repoDir, `src/refresh-${counter}.ts`), `export const refreshed = ${counter};\n`);
    git(['add', '--', `src/refresh-${counter}.ts`]);
    const now = localIso(new Date());
    git(['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', subject], {
      GIT_AUTHOR_NAME: 'Refresh Tester', GIT_AUTHOR_EMAIL: 'refresh@example.com', GIT_AUTHOR_DATE: now,
      GIT_COMMITTER_NAME: 'Refresh Tester', GIT_COMMITTER_EMAIL: 'refresh@example.com', GIT_COMMITTER_DATE: now,
    });
    return git(['rev-parse', 'HEAD']);
  }

  const reportHas = (sha: string): boolean =>
    api.getCurrentReport()?.repositories.some((repo) => repo.commits.some((commit) => commit.sha === sha)) ?? false;

  /** Sets the user setting and waits until this extension host sees it (its change event has then fired). */
  async function setAutoRefresh(value: boolean | undefined): Promise<void> {
    await vscode.workspace.getConfiguration('dailyDigest').update('autoRefresh', value, vscode.ConfigurationTarget.Global);
    const wanted = value ?? true;
    await waitFor(`dailyDigest.autoRefresh to read ${wanted}`,
      () => (vscode.workspace.getConfiguration('dailyDigest').get<boolean>('autoRefresh') === wanted ? true : undefined), 5000);
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
    await setAutoRefresh(undefined);
    if (repoDir !== undefined && startHead !== undefined) {
      git(['reset', '-q', '--hard', startHead]);
      git(['clean', '-q', '-f', '--', 'src']);
    }
    // Later suites see the fixture's report again.
    if (api !== undefined) await api.generate({ kind: 'day', day: 'today' }, repos);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    ownFixture?.cleanup();
  });

  it('a new commit shows up in the report and the tree without a command', async function () {
    this.timeout(30_000);
    await setAutoRefresh(true);
    const report = await api.generate({ kind: 'day', day: 'today' }, repos);
    assert.ok(report, 'no report');
    const before = report.repositories[0]?.commits.length ?? 0;
    // Auto-refresh only runs while the report is on screen (the panel or the Commits view).
    await vscode.commands.executeCommand('dailyDigest.openReport');

    const started = Date.now();
    const sha = commitNow('feat: refresh the digest on its own');
    await waitFor('the new commit in the report', () => (reportHas(sha) ? true : undefined), REFRESH_BUDGET_MS);
    const elapsed = Date.now() - started;
    const refreshed = api.getCurrentReport();
    assert.ok(refreshed);
    assert.equal(refreshed.repositories[0]?.commits.length, before + 1);
    const node = flatten(api.getTreeSnapshot())
      .find((candidate) => candidate.node.kind === 'commit' && candidate.node.commit.sha === sha);
    assert.ok(node, 'the new commit is not in the tree');
    assert.equal(node.label, 'feat: refresh the digest on its own');
    assert.equal(api.getViewState(), 'ready');
    console.log(`      (refreshed ${elapsed} ms after the commit)`);
  });

  it('with the setting off again, a commit leaves the report as it is', async function () {
    this.timeout(30_000);
    await setAutoRefresh(false);
    const shown = api.getCurrentReport();
    assert.ok(shown);
    const sha = commitNow('chore: not picked up without auto-refresh');
    // Longer than the refresh delay plus a generation of this repository (the test above measured it).
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.equal(reportHas(sha), false, 'the report refreshed although dailyDigest.autoRefresh is off');
    assert.equal(api.getCurrentReport(), shown);
  });
});
