#!/usr/bin/env node
// The triage walk through the Commits view in a real VS Code (code-server without the smoke-test driver, headless
// chromium), on test/ui/triageFixture.ts, once in a dark and once in a light theme. Each step is asserted and
// screenshotted to test-results/triage-walk/<theme>/NN-step.png:
//   1 an empty today names the last day with commits;  2 its button opens that day;  3 the headline;
//   4 the bot group opens on click;  5 the previous day, and back;  6 two commits marked reviewed, the counts fall;
//   7 a real window reload keeps the marks;  8 Chinese: every label of the view changes, with no Refresh;
//   9 a commit's multi-file diff and a file's diff, timed;  10 a fact's line (when the analysis has facts).
//
// Usage: node test/ui/triageWalk.mjs [--no-build] [--theme dark|light]
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { REPO_ROOT } from '../../scripts/real-vscode/config.mjs';
import { startCodeServer } from '../../scripts/real-vscode/server.mjs';
import { launchBrowser } from '../../scripts/real-vscode/browser.mjs';
import { ensureInstalled, buildExtension, extensionPath } from '../../scripts/real-vscode/prepare.mjs';

const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern' };
const STEP_TIMEOUT = Number(process.env.UI_STEP_TIMEOUT) || 60_000;
const RESULTS = join(REPO_ROOT, 'test-results', 'triage-walk');
const DIFF_IN_ACTIVE_GROUP = '.editor-group-container.active .monaco-diff-editor .editor.modified .view-lines';
const say = (msg) => console.log(`[triage-walk] ${msg}`);

let page;
let dir;
let stepNo = 0;
const timings = {};

async function step(name, what, fn) {
  stepNo += 1;
  const file = join(dir, `${String(stepNo).padStart(2, '0')}-${name}.png`);
  const started = Date.now();
  try {
    await fn();
  } catch (error) {
    await page.screenshot({ path: file.replace(/\.png$/, '-FAILED.png') }).catch(() => {});
    throw new Error(`step ${stepNo} "${what}": ${String(error?.message ?? error).split('\n')[0]}`);
  }
  await page.mouse.move(1590, 990);
  await page.screenshot({ path: file });
  say(`✔ ${String(stepNo).padStart(2, '0')} ${what} (${Date.now() - started} ms)`);
}

const sidebar = () => page.locator('.part.sidebar');
const rows = () => sidebar().locator('.monaco-list-row[role="treeitem"]');
const row = (text) => rows().filter({ hasText: text }).first();

async function visible(locator, message, timeout = STEP_TIMEOUT) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(message);
  }
}

async function texts() {
  return (await rows().allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

async function runCommand(title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await visible(input, 'the command palette did not open');
  await input.fill(`>${title}`);
  await visible(page.locator('.quick-input-widget .monaco-list-row', { hasText: title }), `no command "${title}"`);
  await page.keyboard.press('Enter');
}

/** Clicks a button of the view's title bar (Previous Day, Next Day, …). */
async function titleAction(label) {
  const action = page.locator(`.part.sidebar .title-actions .action-label[aria-label^="${label}"]`);
  await visible(action, `no "${label}" button in the view's title bar`);
  await action.first().click();
}

async function badge() {
  const content = page.locator('.activitybar .action-item:has(a[aria-label^="Daily Digest"]) .badge-content');
  return (await content.count()) === 0 ? '' : (await content.first().innerText()).trim();
}

/** Resolves with the ms from `started` until the active group shows a diff with rendered lines and no "Loading". */
async function diffShown(started) {
  for (;;) {
    const ready = await page.evaluate((sel) => {
      const group = document.querySelector('.editor-group-container.active');
      const rendered = [...document.querySelectorAll(sel)].some((el) => el.querySelector('.view-line'));
      return rendered && !/Loading\.\.\./.test(group?.textContent ?? '');
    }, DIFF_IN_ACTIVE_GROUP);
    if (ready) return Date.now() - started;
    if (Date.now() - started > STEP_TIMEOUT) throw new Error('no diff rendered');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function openSidebar() {
  const item = page.locator('.activitybar .action-item a[aria-label^="Daily Digest"]');
  await visible(item, 'no Daily Digest activity bar item');
  const commits = sidebar().locator('.composite.title, .pane-header', { hasText: /Commits|提交/ });
  // After a reload the workbench restores the view container by itself, maybe after this check: a click on an item
  // that is already open would close it. So: click only when the item is not the open one, and look again.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await commits.first().isVisible().catch(() => false)) return;
    const open = await page.locator('.activitybar .action-item.checked a[aria-label^="Daily Digest"]').count() > 0;
    if (!open) await item.first().click();
    await commits.first().waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
  }
  await visible(commits, 'the sidebar has no Commits view');
}

async function walk(theme, fixture, extDir) {
  stepNo = 0;
  dir = join(RESULTS, theme);
  mkdirSync(dir, { recursive: true });
  const server = await startCodeServer({
    folder: fixture.dir, extensions: [extDir], label: `walk-${theme}`,
    settings: { 'workbench.colorTheme': THEMES[theme] },
  });
  const browser = await launchBrowser();
  let ok = false;
  try {
    page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(server.folderUrl(), { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await visible(page.locator('.monaco-workbench .part.statusbar'), 'the workbench did not render', 90_000);
    await openSidebar();
    // Wide enough for subjects and descriptions.
    const box = await sidebar().boundingBox();
    if (box && box.width < 560) {
      await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + 560, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
    }

    const { lastDay, dayBefore, subjects } = fixture;
    await step('empty-today', 'an empty today names the last day with commits', async () => {
      await runCommand('Daily Digest: Generate Report for Today');
      await visible(sidebar().getByText(`The last commit was on ${lastDay}.`), 'the view does not name the last day with commits');
      await visible(row(`Open ${lastDay}, the last day with commits`), 'no button to the last day with commits');
    });

    await step('last-active-day', `its button opens ${lastDay}`, async () => {
      await row(`Open ${lastDay}`).click();
      await visible(row('At a glance'), 'no glance after opening the last day');
      const description = await sidebar().locator('.composite.title, .pane-header').first().innerText();
      if (!description.includes(lastDay) && !(await sidebar().getByText(lastDay).count())) throw new Error(`the view does not say ${lastDay}`);
    });

    await step('headline', 'the glance leads with the breaking change and the counts', async () => {
      const lines = await texts();
      const glance = lines.findIndex((text) => text.startsWith('At a glance'));
      const headline = lines[glance + 1] ?? '';
      if (!headline.startsWith('💥') || !/scoped format/i.test(headline)) throw new Error(`the first headline line is "${headline}"`);
      // The fixture's breaking change and its auth fix are high at least; the analysis decides the rest.
      if (!lines.some((text) => /🔴 ([2-9]|\d\d+) high · 🟡 \d+ medium · 🟢 \d+ low · 💥 1 breaking/.test(text))) {
        throw new Error(`no counts line: ${lines.join(' | ')}`);
      }
    });

    await step('bot-group', 'the renovate group is one folded line that opens on click', async () => {
      const fold = row('renovate[bot]: 3 dependency updates');
      await visible(fold, 'no renovate group');
      if ((await fold.getAttribute('aria-expanded')) !== 'false') throw new Error('the group is not folded at first');
      await fold.click();
      await visible(row('Update Rust crate syn to v3.0.0'), 'the group did not open');
      if ((await rows().filter({ hasText: 'Update Rust crate' }).count()) !== 3) throw new Error('the group does not list three bumps');
    });

    await step('previous-day', `Previous Day opens ${dayBefore}`, async () => {
      await titleAction('Previous Day');
      await visible(row(subjects.earlier), `${dayBefore}'s commit is not shown`);
    });

    await step('mark-reviewed', 'two commits marked reviewed: the group and the badge counts fall', async () => {
      await titleAction('Next Day');
      await visible(row(subjects.breaking), `back on ${lastDay}`);
      const before = await badge();
      const highBefore = (await row('🔴 High').innerText()).replace(/\s+/g, ' ');
      for (const subject of [subjects.breaking, subjects.fix]) {
        const target = row(subject);
        await target.hover();
        await target.locator('.action-label[aria-label^="Mark Reviewed"]').click();
        await visible(row(subject).filter({ hasText: '✓ reviewed' }), `"${subject}" does not say reviewed`);
      }
      // Both are high: the High group counts two fewer unread (none left shows no count).
      const unreadBefore = Number(/(\d+) unread/.exec(highBefore)?.[1] ?? 0);
      const left = unreadBefore - 2;
      if (left > 0) await visible(row('🔴 High').filter({ hasText: `${left} unread` }), `the High group does not count ${left} unread`);
      let after = await badge();
      for (const until = Date.now() + 10_000; Number(after) !== Number(before) - 2 && Date.now() < until; after = await badge()) {
        await page.waitForTimeout(100);
      }
      const high = (await row('🔴 High').innerText()).replace(/\s+/g, ' ');
      if (!(Number(after) === Number(before) - 2)) throw new Error(`badge ${before} -> ${after}`);
      if (left > 0 ? !high.includes(`${left} unread`) : /unread/.test(high)) throw new Error(`High group "${highBefore}" -> "${high}"`);
      timings.badge = `${before} -> ${after}`;
    });

    await step('reload', 'a window reload keeps the marks', async () => {
      await page.reload({ waitUntil: 'domcontentloaded' });
      await visible(page.locator('.monaco-workbench .part.statusbar'), 'the workbench did not come back', 90_000);
      await openSidebar();
      // The report panel the workbench restores after a reload may take the focus while it loads, which closes a
      // quick input that was open: the date is asked again until it is typed in.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await runCommand('Daily Digest: Generate Report for Date');
          await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Pick a date' }).first().click({ timeout: 10_000 });
          const input = page.locator('.quick-input-widget .quick-input-box input');
          await page.waitForTimeout(300);
          await input.fill(lastDay, { timeout: 10_000 });
          await page.keyboard.press('Enter');
          break;
        } catch (error) {
          if (attempt >= 3) throw error;
          say(`the date input closed before it was typed in (attempt ${attempt}); asking again`);
          await page.keyboard.press('Escape');
          await page.waitForTimeout(1000);
        }
      }
      await visible(row(subjects.breaking).filter({ hasText: '✓ reviewed' }), 'the mark is gone after the reload');
      await visible(row(subjects.fix).filter({ hasText: '✓ reviewed' }), 'the second mark is gone after the reload');
      await page.keyboard.press('Escape');
    });

    await step('chinese', 'Chinese: the tree, the badge and the status bar change with no Refresh', async () => {
      await runCommand('Preferences: Open User Settings');
      await page.waitForTimeout(1000);
      await page.keyboard.type('dailyDigest.language');
      const setting = page.locator('.setting-item-contents', { hasText: 'Language of the report' }).first();
      const select = setting.locator('.monaco-select-box, select').first();
      await visible(select, 'no language setting in the settings editor');
      const native = setting.locator('select').first();
      if (await native.count()) {
        await native.selectOption('zh-CN');
      } else {
        await select.click();
        await page.locator('.select-box-dropdown-container .monaco-list-row', { hasText: 'zh-CN' }).first().click();
      }
      await visible(row('概览'), 'the tree is not in Chinese', 30_000);
      const lines = await texts();
      for (const label of ['🔴 高', '🟡 中', '🟢 低', 'renovate[bot]：3 个依赖更新']) {
        if (!lines.some((text) => text.includes(label))) throw new Error(`no "${label}" in ${lines.join(' | ')}`);
      }
      if (lines.some((text) => /\b(unread|reviewed|At a glance|High|Medium|Low)\b/.test(text))) {
        throw new Error(`English left: ${lines.join(' | ')}`);
      }
      await visible(page.locator('.part.statusbar', { hasText: '摘要：' }), 'the status bar is not in Chinese');
      await page.keyboard.press('Escape');
    });

    await step('commit-diff', 'a commit\'s multi-file diff (11 files), timed', async () => {
      const target = row(subjects.wide);
      await visible(target, 'no wide commit row');
      await page.waitForTimeout(1000);
      const started = Date.now();
      await target.click();
      timings.multiFileDiffMs = await diffShown(started);
    });

    await step('file-diff', 'a file\'s diff, timed', async () => {
      const target = row(subjects.wide);
      await target.locator('.monaco-tl-twistie').click();
      const file = row(/planner\.ts/);
      await visible(file, 'no planner.ts row');
      await page.waitForTimeout(500);
      const started = Date.now();
      await file.click();
      timings.fileDiffMs = await diffShown(started);
    });

    await step('fact', 'a fact of the analysis opens its file\'s diff at its line', async () => {
      const fact = rows().filter({ hasText: /^[+−~] \S.* \(/ }).first();
      if ((await fact.count()) === 0) {
        timings.fact = 'no facts in this analysis';
        return;
      }
      await fact.click();
      await visible(page.locator(DIFF_IN_ACTIVE_GROUP), 'no diff after the fact click');
      timings.fact = 'opened';
    });
    ok = true;
    say(`${theme}: ${JSON.stringify(timings)}`);
  } finally {
    await browser.close().catch(() => {});
    await server.stop({ keep: !ok || !!process.env.DAILY_DIGEST_KEEP_TMP });
  }
}

async function main() {
  await ensureInstalled();
  const extDir = extensionPath();
  buildExtension(extDir, { skip: process.argv.includes('--no-build') });
  rmSync(RESULTS, { recursive: true, force: true });
  const { createTriageFixture } = await tsImport('./triageFixture.ts', import.meta.url);
  const only = process.argv.includes('--theme') ? [process.argv[process.argv.indexOf('--theme') + 1]] : ['dark', 'light'];
  for (const theme of only) {
    const fixture = createTriageFixture();
    try {
      await walk(theme, fixture, extDir);
    } finally {
      fixture.cleanup();
    }
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(`[triage-walk] FAILED: ${error?.stack ?? error}`);
  process.exit(1);
});
