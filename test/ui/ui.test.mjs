#!/usr/bin/env node
// Person-like UI test: a real VS Code (code-server, no smoke-test driver, so notifications show) in headless Debian
// chromium, driven by playwright-core, with the extension installed from the work tree and the fixture workspace
// (test/ui/fixtureWorkspace.ts) open. It clicks through what a user would do and screenshots every step into
// test-results/ui/NN-step.png. With UPDATE_SCREENSHOT=1 it copies the sidebar + report shot (all three importance
// groups, one commit expanded to its files, the report beside them) to media/screenshot.png.
//
// Usage: node test/ui/ui.test.mjs   (npm run test:ui installs first)
// Environment: DAILY_DIGEST_SKIP_INSTALL=1, DAILY_DIGEST_KEEP_TMP=1, DAILY_DIGEST_EXTENSION_PATH (another extension
// folder), UI_STEP_TIMEOUT (ms per step, default 30000), UI_HEADFUL=1 is not supported (no display here).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/real-vscode/config.mjs';
import { startCodeServer, HarnessError } from '../../scripts/real-vscode/server.mjs';
import { launchBrowser } from '../../scripts/real-vscode/browser.mjs';
import { ensureInstalled, buildExtension, extensionPath } from '../../scripts/real-vscode/prepare.mjs';
import { createFixtureWorkspace } from '../../scripts/real-vscode/fixture.mjs';

// What the extension contributes (keep in sync with package.json "contributes").
export const UI = {
  containerTitle: 'Daily Digest',
  viewTitle: 'Commits',
  commandTitle: 'Daily Digest: Generate Report for Today',
  reportTitle: 'Daily Digest',
  highGroup: /🔴\s*High/,
  groups: [/🔴\s*High/, /🟡\s*Medium/, /🟢\s*Low/],
  lowGroup: /🟢\s*Low/,
};

/** The sidebar's width in the screenshots: wide enough for subjects, SHAs and authors. */
const SIDEBAR_WIDTH = 620;

const STEP_TIMEOUT = Number(process.env.UI_STEP_TIMEOUT) || 30_000;
const RESULTS = join(REPO_ROOT, 'test-results', 'ui');
const say = (msg) => console.log(`[ui] ${msg}`);

class StepError extends Error {}

let page;
let stepNo = 0;
const passed = [];

async function shot(name) {
  const file = join(RESULTS, `${String(stepNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Runs one user-visible step; on failure screenshots the page and names the step. */
async function step(name, what, fn) {
  stepNo += 1;
  const t = Date.now();
  try {
    await fn();
  } catch (err) {
    const file = await shot(`${name}-FAILED`).catch(() => '(no screenshot)');
    throw new StepError(`step ${stepNo} "${what}" failed: ${String(err?.message ?? err).split('\n')[0]} (screenshot ${file})`);
  }
  const file = await shot(name);
  passed.push(what);
  say(`✔ ${String(stepNo).padStart(2, '0')} ${what} (${Date.now() - t} ms) -> ${file.slice(REPO_ROOT.length + 1)}`);
  return file;
}

const sidebar = () => page.locator('.part.sidebar');
const treeRows = () => sidebar().locator('.monaco-list-row[role="treeitem"]');
const report = () => page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
// A diff editor (single file) or a multi-diff editor (a whole commit) with at least one rendered file diff.
const DIFF_SELECTOR = '.editor-group-container.active .editor-instance .monaco-diff-editor .editor.modified .view-lines';
const diffEditors = () => page.locator(DIFF_SELECTOR);
const activeTab = () => page.locator('.editor-group-container.active .tabs-container .tab.active');

async function expectVisible(locator, message, timeout = STEP_TIMEOUT) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(message);
  }
}

/** Drags the sash between the sidebar and the editor so long commit subjects fit (for readable screenshots). */
async function widenSidebar(width) {
  const box = await sidebar().boundingBox();
  if (!box || box.width >= width) return;
  const x = box.x + box.width + 1;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}

async function runCommand(title) {
  await page.locator('.monaco-workbench').click({ position: { x: 800, y: 500 } }).catch(() => {});
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await expectVisible(input, 'the command palette did not open on F1');
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title });
  await expectVisible(row, `the command palette has no entry "${title}"`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

export async function runUiTest() {
  const started = Date.now();
  await ensureInstalled();
  const extDir = extensionPath();
  buildExtension(extDir, { skip: process.argv.includes('--no-build') });
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });

  const fixture = await createFixtureWorkspace();
  const high = fixture.commits.filter((c) => c.expected === 'high');
  const medium = fixture.commits.filter((c) => c.expected === 'medium');
  if (high.length < 2 || medium.length < 1) throw new HarnessError('the fixture workspace lacks high or medium commits');
  say(`fixture workspace: ${fixture.dir} (${fixture.commits.length} commits)`);

  let server;
  let browser;
  let ok = false;
  try {
    server = await startCodeServer({ folder: fixture.dir, extensions: [extDir], label: 'ui' });
    say(`code-server ${server.url} (pid ${server.pid}, log ${server.logFile})`);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));

    await step('workbench', 'VS Code opens the fixture workspace', async () => {
      await page.goto(server.folderUrl(), { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await expectVisible(page.locator('.monaco-workbench .part.activitybar'), 'the workbench did not render', 60_000);
      await expectVisible(page.locator('.part.statusbar'), 'the status bar did not render', 60_000);
    });

    await step('sidebar', `open the "${UI.containerTitle}" sidebar from the activity bar`, async () => {
      const item = page.locator(`.activitybar .action-item a[aria-label^="${UI.containerTitle}"]`);
      await expectVisible(item, `no activity bar item "${UI.containerTitle}" (is the extension installed and its viewsContainers contributed?)`, 60_000);
      await item.first().click();
      await expectVisible(sidebar().locator('.composite.title', { hasText: new RegExp(UI.containerTitle, 'i') }),
        `the sidebar does not show the "${UI.containerTitle}" container`);
      // A container with one view shows "Daily Digest: Commits" as its title; with several, one pane header each.
      await expectVisible(sidebar().locator('.composite.title, .pane-header', { hasText: new RegExp(UI.viewTitle, 'i') }),
        `the sidebar has no "${UI.viewTitle}" view`);
    });

    await step('generate', `run "${UI.commandTitle}" from the command palette`, async () => {
      await runCommand(UI.commandTitle);
    });

    await step('groups', 'the tree shows the three importance groups (🔴 High, 🟡 Medium, 🟢 Low)', async () => {
      await expectVisible(treeRows().filter({ hasText: UI.highGroup }), 'no "🔴 High" group row in the tree', 60_000);
      const texts = await treeRows().allInnerTexts();
      const missing = UI.groups.filter((re) => !texts.some((t) => re.test(t)));
      if (missing.length > 0) throw new Error(`no ${missing.join(', ')} group; the tree shows: ${texts.join(' | ')}`);
      const highSubject = high[0].subject;
      if (!texts.some((t) => t.includes(highSubject))) {
        // The group may be collapsed: expand it.
        await treeRows().filter({ hasText: UI.highGroup }).first().click();
        await expectVisible(treeRows().filter({ hasText: highSubject }), `the High group does not list "${highSubject}"`);
      }
    });

    await widenSidebar(SIDEBAR_WIDTH);
    await step('expand', 'expand the Low group, and a commit to see its files', async () => {
      // The Low group starts collapsed. Its twistie expands it without selecting the row (a cleaner screenshot).
      const low = treeRows().filter({ hasText: UI.lowGroup }).first();
      if ((await low.getAttribute('aria-expanded')) === 'false') await low.locator('.monaco-tl-twistie').click();
      await expectVisible(treeRows().filter({ hasText: fixture.commits.find((c) => c.expected === 'low').subject }),
        'the Low group did not expand');
      // A click on a commit opens its diff; the twistie only expands it.
      const target = medium[0];
      const row = treeRows().filter({ hasText: target.subject }).first();
      await expectVisible(row, `no tree row for "${target.subject}"`);
      await row.locator('.monaco-tl-twistie').click();
      await page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', await row.elementHandle(),
        { timeout: STEP_TIMEOUT }).catch(() => { throw new Error(`"${target.subject}" did not expand`); });
      // File rows: name, then status and line counts, then the folder ("csv.ts  A +61 −0 · src/export").
      await expectVisible(treeRows().filter({ hasText: /csv\.ts\s*A \+\d+.*src\/export/ }),
        `"${target.subject}" expanded, but shows no csv.ts file row`);
      const tab = (await activeTab().first().innerText()).replace(/\s+/g, ' ').trim();
      if (!tab.startsWith(UI.reportTitle)) throw new Error(`expanding the commit replaced the report with "${tab}"`);
    });

    const reportShot = await step('report', `the "${UI.reportTitle}" report webview shows its table`, async () => {
      await expectVisible(page.locator('.tabs-container .tab', { hasText: UI.reportTitle }),
        `no editor tab titled "${UI.reportTitle}"`);
      await expectVisible(report().locator('table'), 'the report webview has no table', 60_000);
      const rows = await report().locator('table tbody tr').count();
      if (rows < 1) throw new Error('the report table has no rows');
      const text = await report().locator('body').innerText();
      for (const c of [...high, ...medium]) {
        if (!text.includes(c.subject)) throw new Error(`the report does not mention "${c.subject}"`);
      }
      // For the screenshot: focus leaves the tree (no focus outline) and the pointer leaves the rows (no hover).
      await report().locator('h1').first().click();
      await page.mouse.move(1200, 980);
    });
    if (process.env.UPDATE_SCREENSHOT === '1') {
      mkdirSync(join(REPO_ROOT, 'media'), { recursive: true });
      copyFileSync(reportShot, join(REPO_ROOT, 'media', 'screenshot.png'));
      say(`copied ${reportShot.slice(REPO_ROOT.length + 1)} to media/screenshot.png`);
    }

    await step('tree-diff', 'click a commit in the tree and see its diff', async () => {
      const before = await diffEditors().count();
      await treeRows().filter({ hasText: high[0].subject }).first().click();
      await expectVisible(diffEditors(), `clicking "${high[0].subject}" opened no diff editor (had ${before})`);
      const tab = (await activeTab().first().innerText()).replace(/\s+/g, ' ');
      if (tab.trim() === UI.reportTitle) throw new Error(`the active tab is still "${tab}"`);
      say(`  active tab: ${tab}`);
    });

    await step('report-diff', 'click a jump-to-diff link in the report and see a diff', async () => {
      await page.locator('.tabs-container .tab', { hasText: UI.reportTitle }).first().click();
      await expectVisible(report().locator('table'), 'the report is gone after switching back to its tab');
      const target = high[high.length - 1];
      const row = report().locator('table tbody tr', { hasText: target.subject }).first();
      // The report's explicit diff link (a.dd-diff, text "diff"), or any link whose text says diff.
      const link = row.locator('a.dd-diff').or(row.locator('a').filter({ hasText: /diff/i })).first();
      await expectVisible(link, `the report row for "${target.subject}" has no jump-to-diff link`);
      await link.click();
      await page.waitForFunction(
        ({ title, sel }) => {
          const tab = document.querySelector('.editor-group-container.active .tabs-container .tab.active');
          return tab && !tab.textContent.includes(title) && document.querySelector(sel);
        },
        { title: UI.reportTitle, sel: DIFF_SELECTOR }, { timeout: STEP_TIMEOUT }).catch(() => {
        throw new Error('clicking the link did not bring a diff editor to the front');
      });
      await expectVisible(diffEditors(), 'no diff editor is visible after clicking the link');
      say(`  active tab: ${(await activeTab().first().innerText().catch(() => '?')).replace(/\s+/g, ' ')}`);
    });

    if (errors.length) say(`page errors (not fatal): ${errors.slice(0, 3).join(' | ')}`);
    ok = true;
    say(`passed ${passed.length} steps in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop({ keep: !ok || !!process.env.DAILY_DIGEST_KEEP_TMP });
    if (!process.env.DAILY_DIGEST_KEEP_TMP) fixture.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runUiTest().then(
    () => process.exit(0),
    (err) => {
      const known = err instanceof StepError || err instanceof HarnessError;
      console.error(`[ui] FAILED: ${known ? err.message : err?.stack || err}`);
      process.exit(1);
    });
}
