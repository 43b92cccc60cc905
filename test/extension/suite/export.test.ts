// "Export Report" in a real extension host, without the format pick and the save dialog: the test API's
// exportReport(target, format, confirmOverwrite) is the command's core (render → write, asking before overwriting).
// Files go through vscode.workspace.fs, into a temp folder of the extension host.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Report } from '../../../src/core/domain/report.js';
import { renderHtml } from '../../../src/core/render/html.js';
import { renderJson } from '../../../src/core/render/json.js';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import type { DailyDigestTestApi } from '../../../src/extension/testApi.js';
import { createFixtureWorkspace, type FixtureWorkspace } from '../../ui/fixtureWorkspace.js';

const EXTENSION_ID = 'daily-digest.daily-digest';

describe('Export Report (real extension host)', function () {
  let api: DailyDigestTestApi;
  let report: Report;
  let dir: string;
  let ownFixture: FixtureWorkspace | undefined;

  before(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<DailyDigestTestApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    api = await extension.activate();
    const fromEnv = process.env.DAILY_DIGEST_FIXTURE;
    const inWorkspace = fromEnv !== undefined && (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.fsPath === fromEnv);
    if (!inWorkspace) ownFixture = createFixtureWorkspace();
    const generated = await api.generate({ kind: 'day', day: 'today' }, ownFixture === undefined ? undefined : [ownFixture.dir]);
    assert.ok(generated, 'no report');
    assert.ok((generated.repositories[0]?.commits.length ?? 0) > 0, 'the report has no commits');
    report = generated;
    dir = mkdtempSync(join(tmpdir(), 'dd-export-'));
  });

  after(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    ownFixture?.cleanup();
  });

  const subjects = (): string[] => report.repositories.flatMap((repo) => repo.commits.map((commit) => commit.subject));

  /** Exports without expecting a confirmation: the target does not exist yet. */
  async function exportFresh(name: string, format: 'md' | 'html' | 'json'): Promise<string> {
    const file = join(dir, name);
    const asked: string[] = [];
    const written = await api.exportReport(vscode.Uri.file(file), format, (existing) => {
      asked.push(existing);
      return false;
    });
    assert.equal(written, true, `${name} was not written`);
    assert.deepEqual(asked, [], 'asked to overwrite a file that did not exist');
    return readFileSync(file, 'utf8');
  }

  it('writes Markdown: the same text Copy Report as Markdown gives, with every commit', async () => {
    const text = await exportFresh('digest.md', 'md');
    assert.equal(text, renderMarkdown(report));
    assert.match(text, /^# /);
    for (const subject of subjects()) assert.ok(text.includes(subject), `the Markdown lacks "${subject}"`);
  });

  it('writes HTML: a standalone document with every commit', async () => {
    const text = await exportFresh('digest.html', 'html');
    assert.equal(text, renderHtml(report));
    assert.match(text, /^<!doctype html>/i);
    assert.match(text, /<\/html>\s*$/);
    for (const subject of subjects()) assert.ok(text.includes(subject), `the HTML lacks "${subject}"`);
  });

  it('writes JSON that parses back to the report', async () => {
    const text = await exportFresh('digest.json', 'json');
    assert.equal(text, renderJson(report));
    const parsed = JSON.parse(text) as { repositories: { commits: { sha: string }[] }[] };
    assert.deepEqual(parsed.repositories.map((repo) => repo.commits.map((commit) => commit.sha)),
      report.repositories.map((repo) => repo.commits.map((commit) => commit.sha)));
  });

  it('asks before overwriting, and leaves the file alone when the answer is no', async () => {
    const file = join(dir, 'existing.md');
    writeFileSync(file, 'keep me\n');
    const asked: string[] = [];
    const declined = await api.exportReport(vscode.Uri.file(file), 'md', async (name) => {
      asked.push(name);
      return false;
    });
    assert.equal(declined, false);
    assert.deepEqual(asked, ['existing.md']);
    assert.equal(readFileSync(file, 'utf8'), 'keep me\n');

    const accepted = await api.exportReport(vscode.Uri.file(file), 'md', (name) => {
      asked.push(name);
      return true;
    });
    assert.equal(accepted, true);
    assert.deepEqual(asked, ['existing.md', 'existing.md']);
    assert.equal(readFileSync(file, 'utf8'), renderMarkdown(report));
  });
});
