// Daily Digest in Restricted Mode, in a real extension host: the window opened the fixture repository WITHOUT
// trusting it (the integration runner's `restricted` pass: code-server without `--disable-workspace-trust`, workspace
// trust on, nothing trusted). The extension declares `untrustedWorkspaces: limited`: it activates, but runs no git.
//
// Only meaningful in an untrusted window: the runner runs this file alone in that pass (DAILY_DIGEST_ONLY_SUITES=trust)
// and sets DAILY_DIGEST_RESTRICTED=1. In a trusted window without that variable (e.g. runTestElectron.ts), it skips.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { encodeGitQuery, GIT_SCHEME } from '../../../src/extension/diffs/gitUri.js';
import type { DailyDigestTestApi } from '../../../src/extension/testApi.js';
import type { FixtureCommit } from '../../ui/fixtureWorkspace.js';

const EXTENSION_ID = 'daily-digest.daily-digest';
const EXPLANATION = /only works in a trusted workspace/;

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Restricted Mode (untrusted workspace) in a real extension host', function () {
  let api: DailyDigestTestApi;
  let repoDir: string;
  let commits: FixtureCommit[];

  before(async function () {
    const expectRestricted = process.env.DAILY_DIGEST_RESTRICTED === '1';
    if (!expectRestricted && vscode.workspace.isTrusted) {
      // Not the runner's restricted pass: nothing here can be checked in a trusted window.
      this.skip();
    }
    repoDir = process.env.DAILY_DIGEST_FIXTURE ?? '';
    assert.ok(repoDir !== '', 'DAILY_DIGEST_FIXTURE is not set');
    assert.ok((vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.fsPath === repoDir),
      `the window did not open the fixture ${repoDir}`);
    commits = JSON.parse(process.env.DAILY_DIGEST_FIXTURE_COMMITS ?? '[]') as FixtureCommit[];
    assert.ok(commits.length > 1, 'DAILY_DIGEST_FIXTURE_COMMITS lists no commits');
    const extension = vscode.extensions.getExtension<DailyDigestTestApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    api = await extension.activate();
  });

  it('the fixture folder is not trusted, and the extension activated anyway (untrustedWorkspaces: limited)', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.equal(api.getViewState(), 'restricted', 'the view state (dailyDigest.state context key) is not "restricted"');
    assert.equal(api.getCurrentReport(), undefined);
    assert.deepEqual(api.getTreeSnapshot(), []);
  });

  it('generating a report runs no git: no report, an empty tree, the state stays "restricted"', async () => {
    assert.equal(await api.generate(), undefined);
    assert.equal(await api.generate({ kind: 'day', day: 'today' }, [repoDir]), undefined, 'explicit repos bypass the trust check');
    assert.equal(api.getCurrentReport(), undefined);
    assert.deepEqual(api.getTreeSnapshot(), []);
    assert.equal(api.getViewState(), 'restricted');
  });

  it('"Generate Report for Today" explains Restricted Mode and offers to manage trust instead of running git', async () => {
    assert.equal(api.getNotices().filter((notice) => EXPLANATION.test(notice.message)).length, 0);
    // Not awaited yet: the command waits for the user's answer to the explanation.
    const running = vscode.commands.executeCommand('dailyDigest.generateToday');
    const index = await waitFor('the Restricted Mode explanation', () => {
      const found = api.getNotices().findIndex((notice) => EXPLANATION.test(notice.message));
      return found >= 0 ? found : undefined;
    });
    const notice = api.getNotices()[index];
    assert.ok(notice);
    assert.equal(notice.severity, 'warning');
    assert.deepEqual(notice.actions, ['Manage Workspace Trust']);
    api.chooseNoticeAction(index, undefined); // dismissed, as a user closing the toast
    await running;
    assert.equal(api.getCurrentReport(), undefined);
    assert.equal(api.getViewState(), 'restricted');
    assert.equal(vscode.workspace.isTrusted, false, 'dismissing the explanation must not trust the folder');
  });

  it('the diff documents refuse to read git objects, even of the workspace repository', async () => {
    const head = commits[commits.length - 1];
    assert.ok(head);
    const uri = vscode.Uri.from({
      scheme: GIT_SCHEME, path: '/README.md', query: encodeGitQuery({ repo: repoDir, sha: head.sha, path: 'README.md' }),
    });
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(uri)), (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      assert.match(text, /Restricted Mode/, `rejected, but not for Restricted Mode: ${text}`);
      return true;
    });
  });

  it('webview messages and item commands do nothing without a report', async () => {
    const head = commits[commits.length - 1];
    assert.ok(head);
    const outcome = await api.handleWebviewMessage({ type: 'openCommit', sha: head.sha });
    assert.equal(outcome.ok, false);
    assert.equal(api.getLastOpened(), undefined);
  });
});
