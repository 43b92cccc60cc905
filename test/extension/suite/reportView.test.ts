// The report view's requests in a real extension host: a fact's link opens the file's diff on its line (the new
// side as the diff's selection, the old side in the left editor), and the day buttons and calendar open other
// days. The messages go through the same validation and handling as the webview's (api.handleWebviewMessage).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnalyzedCommit, Report } from '../../../src/core/domain/report.js';
import { shiftDay } from '../../../src/shared/days.js';
import type { DailyDigestTestApi } from '../../../src/extension/testApi.js';
import { createFixtureWorkspace, type FixtureWorkspace } from '../../ui/fixtureWorkspace.js';

const EXTENSION_ID = 'daily-digest.daily-digest';

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the report view in a real extension host', function () {
  let api: DailyDigestTestApi;
  let ownFixture: FixtureWorkspace | undefined;
  let repos: string[] | undefined;
  let report: Report;

  before(async function () {
    this.timeout(60_000);
    const fromEnv = process.env.DAILY_DIGEST_FIXTURE;
    const inWorkspace = fromEnv !== undefined && (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.fsPath === fromEnv);
    if (!inWorkspace) {
      ownFixture = createFixtureWorkspace();
      repos = [ownFixture.dir];
    }
    const extension = vscode.extensions.getExtension<DailyDigestTestApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    const generated = await api.generate({ kind: 'day', day: 'today' }, repos);
    assert.ok(generated);
    report = generated;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    ownFixture?.cleanup();
  });

  /** A commit of the report with a file changed on both sides, of at least `lines` lines on each. */
  function modifiedFile(): { commit: AnalyzedCommit; path: string } {
    for (const commit of report.repositories.flatMap((repo) => repo.commits)) {
      const file = commit.files.find((candidate) => candidate.status === 'M' && candidate.additions > 0 && candidate.deletions > 0 && !candidate.binary);
      if (file !== undefined) return { commit, path: file.path };
    }
    throw new Error('the fixture has no commit that modifies a text file on both sides');
  }

  it('a fact on the new side opens the file’s diff with the cursor on its line', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { commit, path } = modifiedFile();
    const outcome = await api.handleWebviewMessage({ type: 'openFact', sha: commit.sha, path, line: 3, side: 'new' });
    assert.deepEqual(outcome, { ok: true, action: 'openFact' });
    const editor = await waitFor('the diff’s right editor', () => {
      const active = vscode.window.activeTextEditor;
      return active !== undefined && active.document.uri.scheme === 'daily-digest-git' && active.document.uri.query.includes(commit.sha) ? active : undefined;
    });
    assert.equal(editor.selection.active.line, 2);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'the fact opened a diff, not a plain editor');
  });

  it('a fact on the old side (a removed thing) puts the cursor on its line in the diff’s left editor', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { commit, path } = modifiedFile();
    const parent = commit.parents[0];
    assert.ok(parent !== undefined);
    const outcome = await api.handleWebviewMessage({ type: 'openFact', sha: commit.sha, path, line: 2, side: 'old' });
    assert.deepEqual(outcome, { ok: true, action: 'openFact' });
    const left = await waitFor('the diff’s left editor', () => vscode.window.visibleTextEditors.find((editor) =>
      editor.document.uri.scheme === 'daily-digest-git' && editor.document.uri.query.includes(parent)));
    await waitFor('the selection on line 2', () => left.selection.active.line === 1);
  });

  it('a forged fact (a path outside the commit, a line that is not a number) is refused and opens nothing', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { commit } = modifiedFile();
    for (const message of [
      { type: 'openFact', sha: commit.sha, path: '../../etc/passwd', line: 1 },
      { type: 'openFact', sha: commit.sha, path: 'no/such/file.ts', line: 1 },
      { type: 'openFact', sha: commit.sha, path: commit.files[0]?.path, line: '1; rm -rf /' },
    ]) {
      const outcome = await api.handleWebviewMessage(message);
      assert.equal(outcome.ok, false, JSON.stringify(message));
    }
    assert.equal(vscode.window.tabGroups.all.flatMap((group) => group.tabs).length, 0);
  });

  it('marking commits reviewed from the report is accepted for the report’s commits only', async () => {
    const { commit } = modifiedFile();
    assert.deepEqual(await api.handleWebviewMessage({ type: 'markReviewed', shas: [commit.sha], reviewed: true }), { ok: true, action: 'markReviewed' });
    assert.deepEqual(await api.handleWebviewMessage({ type: 'markReviewed', shas: [commit.sha], reviewed: false }), { ok: true, action: 'markReviewed' });
    assert.equal((await api.handleWebviewMessage({ type: 'markReviewed', shas: ['f'.repeat(40)], reviewed: true })).ok, false);
  });

  it('the calendar’s day, the previous day and the next day open those days’ reports', async function () {
    if (repos !== undefined) this.skip(); // Day buttons report on the workspace's repositories: the fixture must be open.
    const today = report.window.label;
    const yesterday = shiftDay(today, -1);
    assert.ok(yesterday !== undefined);
    const label = (): string | undefined => api.getCurrentReport()?.window.label;
    assert.deepEqual(await api.handleWebviewMessage({ type: 'openDay', day: yesterday }), { ok: true, action: 'openDay' });
    await waitFor(`the report of ${yesterday}`, () => label() === yesterday);
    await api.handleWebviewMessage({ type: 'previousDay' });
    await waitFor('the day before', () => label() === shiftDay(yesterday, -1));
    await api.handleWebviewMessage({ type: 'nextDay' });
    await waitFor('the day after', () => label() === yesterday);
    await api.handleWebviewMessage({ type: 'nextDay' });
    await waitFor('today again', () => label() === today);
    assert.equal((await api.handleWebviewMessage({ type: 'openDay', day: '2026-02-30' })).ok, false);
  });
});
