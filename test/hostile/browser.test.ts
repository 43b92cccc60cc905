// Hostile commit text in a real browser engine (Debian chromium through playwright-core): the exported HTML page,
// and the webview bundle (webview/main.ts: marked + DOMPurify + link decoration) in a page that mimics the VS Code
// webview host. Every payload sets window.__pwned / the title / opens a dialog if it ever runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Report } from '../../src/core/domain/report.js';
import { renderMarkdown } from '../../src/core/render/index.js';
import type { WebviewStrings } from '../../src/shared/protocol.js';
import { validateWebviewMessage } from '../../src/extension/panel/webviewMessages.js';
import { DAY, FixtureRepo, SCRIPT_PAYLOADS, at, commitFromFile, removeAll, runCli, tempDir } from '../support/hostileFixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const STRINGS: WebviewStrings = {
  refresh: 'Refresh', export: 'Export…', copyMarkdown: 'Copy Markdown', loading: 'Loading…', noReport: 'No report yet.',
  generateToday: 'Generate', commits: 'commits', high: 'high', diff: 'diff', openDiff: 'Open the diff', openRemote: 'Open on remote',
};

/** Elements and attributes that must not exist in a rendered report, checked in the live DOM. */
const domAudit = (root: string): string => `((root) => {
  const problems = [];
  const bad = 'script,iframe,frame,object,embed,svg,math,img,video,audio,form,input,button,textarea,select,base,link,template,details[open],style:not(head style),meta:not(head meta)';
  for (const el of root.querySelectorAll(bad)) problems.push('element <' + el.tagName.toLowerCase() + '>');
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc' || name === 'formaction') problems.push(name + ' on <' + el.tagName.toLowerCase() + '>');
      if (['href', 'src', 'action', 'data', 'xlink:href'].includes(name)) {
        const value = attr.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
        if (!/^(https?:\\/\\/|#)/.test(value)) problems.push(name + '=' + attr.value + ' on <' + el.tagName.toLowerCase() + '>');
      }
    }
  }
  for (const a of root.querySelectorAll('a[href^="#"]')) {
    const id = a.getAttribute('href').slice(1);
    if (id !== '' && document.getElementById(id) === null) problems.push('dangling #' + id);
  }
  return problems;
})(document.querySelector(${JSON.stringify(root)}))`;

let context: BrowserContext;
let profile: string;
let work: string;
let repo: FixtureRepo;
let report: Report;
let htmlFile: string;

before(async () => {
  assert.ok(existsSync(CHROMIUM), 'Debian chromium is installed at /usr/bin/chromium');
  work = tempDir('dd-browser-');
  profile = tempDir('dd-chromium-profile-');
  repo = FixtureRepo.create({ prefix: 'dd-hostile-web-' });
  repo.git(['remote', 'add', 'origin', 'git@github.com:acme/hostile.git']);
  repo.write('README.md', 'base\n').commit('chore: base', { date: '2026-01-20T10:00:00Z' });
  SCRIPT_PAYLOADS.forEach((payload, index) => {
    const minute = String(index).padStart(2, '0');
    // High importance (breaking) so the full form with file list and body-derived text is shown.
    repo.write(`src/${payload.replace(/[/\n]/g, '_').slice(0, 60)}.ts`, `export const v${index} = ${index};\n`);
    commitFromFile(repo, `feat!: ${payload}\n\n${payload}\n\nBREAKING CHANGE: ${payload}\n`, at(`10:${minute}`), [],
      { name: `Mallory ${payload.replace(/[<>\n]/g, ' ')}`, email: 'm@example.com' });
  });
  const json = runCli(['--repo', repo.dir, '--date', DAY, '--tz', 'UTC', '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  report = JSON.parse(json.stdout) as Report;
  htmlFile = join(work, 'report.html');
  const html = runCli(['--repo', repo.dir, '--date', DAY, '--tz', 'UTC', '--out', htmlFile]);
  assert.equal(html.code, 0, html.stderr);

  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
});

after(async () => {
  await context?.close();
  repo?.cleanup();
  removeAll(work, profile);
});

interface Watched {
  page: Page;
  dialogs: string[];
  pageErrors: string[];
}

async function watchedPage(): Promise<Watched> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Any request that leaves file:// is refused (no network anyway) and recorded.
  await page.route(/^(?!file:)/, (route) => route.abort());
  return { page, dialogs, pageErrors };
}

async function assertNothingRan(watched: Watched, label: string, root = 'body'): Promise<void> {
  const { page, dialogs } = watched;
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, [], `${label}: a dialog opened`);
  assert.equal(await page.evaluate('window.__pwned'), undefined, `${label}: a payload ran`);
  assert.notEqual(await page.title(), 'PWNED', `${label}: a payload changed the title`);
  assert.deepEqual(await page.evaluate(domAudit(root)), [], `${label}: dangerous DOM`);
}

test('the exported HTML page, with its CSP and with the CSP removed: no payload runs, no dangerous element exists', async () => {
  const html = readFileSync(htmlFile, 'utf8');
  const withoutCsp = join(work, 'no-csp.html');
  writeFileSync(withoutCsp, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
  assert.doesNotMatch(readFileSync(withoutCsp, 'utf8'), /Content-Security-Policy/);
  for (const file of [htmlFile, withoutCsp]) {
    const watched = await watchedPage();
    await watched.page.goto(pathToFileURL(file).href);
    await assertNothingRan(watched, file);
    assert.equal(await watched.page.evaluate('document.scripts.length'), 0, 'the exported page has no script at all');
    // The report is all there: every hostile subject is shown as text.
    const text = await watched.page.evaluate('document.body.innerText') as string;
    for (const commit of report.repositories[0]?.commits ?? []) {
      const visible = commit.subject.replace(/\s+/g, ' ').replace(/[\u202a-\u202e\u2066-\u2069]/g, '').trim();
      assert.ok(text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').includes(visible.slice(0, 30)), `subject shown: ${visible}`);
    }
    // In-page links work and stay in the page.
    const links = await watched.page.$$('a[href^="#"]');
    assert.ok(links.length > 10);
    for (const link of links.slice(0, 15)) await link.click();
    assert.ok(watched.page.url().startsWith('file://'));
    await assertNothingRan(watched, `${file} after clicks`);
    await watched.page.close();
  }
});

test('the webview bundle (marked + DOMPurify + linkify) in a mimicked webview host: inert DOM, javascript: clicks do nothing, http opens only via openExternal', async () => {
  const bundle = join(work, 'webview.js');
  await build({
    entryPoints: [resolve('webview/main.ts')], outfile: bundle, bundle: true, platform: 'browser', format: 'iife',
    target: 'es2022', logLevel: 'silent',
  });
  // The host page of reportPanel.ts, without its CSP (the sanitizer alone must hold), with acquireVsCodeApi stubbed.
  const page = join(work, 'webview.html');
  writeFileSync(page, `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>Daily Digest</title>
<link rel="stylesheet" href="${pathToFileURL(resolve('media/report.css')).href}">
<script>
window.__posted = [];
window.acquireVsCodeApi = () => ({
  postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
  getState: () => undefined,
  setState: () => undefined,
});
</script></head>
<body><div id="toolbar" role="toolbar"></div><main id="content" aria-live="polite" aria-busy="true"></main>
<script src="${pathToFileURL(bundle).href}"></script></body></html>`);

  const watched = await watchedPage();
  const { page: tab } = watched;
  await tab.goto(pathToFileURL(page).href);
  await tab.waitForFunction('window.__posted.some((m) => m.type === "ready")');
  const message = { type: 'report', strings: STRINGS, report, markdown: renderMarkdown(report) };
  await tab.evaluate((m) => window.postMessage(m, '*'), message);
  await tab.waitForSelector('article.report');
  assert.deepEqual(watched.pageErrors, []);
  // The host page's own <script>/<link> are ours: the audit covers what the webview renders.
  await assertNothingRan(watched, 'webview', '#content');
  await assertNothingRan(watched, 'webview toolbar', '#toolbar');
  assert.equal(await tab.evaluate('document.scripts.length'), 2, 'only the host stub and the bundle are scripts');

  // Commit links ask for a diff with a SHA the extension accepts.
  await tab.evaluate('window.__posted = []');
  await tab.click('a.dd-diff');
  const opened = await tab.evaluate('window.__posted') as unknown[];
  assert.equal(opened.length, 1);
  assert.equal(validateWebviewMessage(opened[0], report).ok, true, JSON.stringify(opened[0]));

  // A javascript: link, whether from the report text (rendered as text) or planted in the DOM, does nothing on click.
  await tab.evaluate('window.__posted = []');
  await tab.click('text=click me');
  await tab.evaluate(`(() => {
    const a = document.createElement('a');
    a.id = 'planted'; a.href = 'javascript:window.__pwned=1'; a.textContent = 'planted';
    document.querySelector('article.report').prepend(a);
  })()`);
  await tab.click('#planted');
  assert.deepEqual(await tab.evaluate('window.__posted'), [], 'a javascript: click posted a message');
  assert.equal(await tab.evaluate('window.__pwned'), undefined, 'a javascript: click ran');
  await tab.evaluate(`document.getElementById('planted').remove()`);

  // The http(s) commit page link: exactly one openExternal message, and the page does not navigate.
  const before = tab.url();
  await tab.evaluate('window.__posted = []');
  await tab.click('a.dd-remote');
  const posted = await tab.evaluate('window.__posted') as { type: string; url?: string }[];
  assert.equal(posted.length, 1);
  assert.equal(posted[0]?.type, 'openExternal');
  assert.match(posted[0]?.url ?? '', /^https:\/\/github\.com\/acme\/hostile\/commit\/[0-9a-f]{40}$/);
  assert.equal(validateWebviewMessage(posted[0], report).ok, true);
  assert.equal(tab.url(), before);
  await assertNothingRan(watched, 'webview after clicks', '#content');
  await tab.close();
});
