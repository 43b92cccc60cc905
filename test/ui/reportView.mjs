#!/usr/bin/env node
// The report webview in a real VS Code (code-server + headless Debian chromium), used as a person would.
//
// Run 1, the route (dark theme, English, then Chinese), on a repository whose last commits were yesterday:
//   1. open on an empty today; 2. follow "last active day"; 3. read the headline, the contents and the statistics,
//   and follow two contents links; 4. open the folded bot group;
//   5. go to the previous day (and back); 6. mark two commits reviewed and see the counts fall (the report's badge
//   and the view's badge); 7. switch the report language to Chinese and see every label change; 8. open a commit's
//   diff and a file's diff from the report, timed; 9. click a fact and land on its line, when the report has facts.
// Run 2 (light theme, Chinese) on the usual fixture workspace plus three renovate bumps: the glance, the contents and
// the statistics, the group, two marks, the author picker, high only (the statistics follow), newest first, the details.
// A screenshot at each step goes to test-results/report-view/.
//
// Usage: node test/ui/reportView.mjs   (code-server as installed by scripts/real-vscode/install.mjs)
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/real-vscode/config.mjs';
import { launchBrowser } from '../../scripts/real-vscode/browser.mjs';
import { createFixtureWorkspace } from '../../scripts/real-vscode/fixture.mjs';
import { buildExtension, ensureInstalled, extensionPath } from '../../scripts/real-vscode/prepare.mjs';
import { startCodeServer } from '../../scripts/real-vscode/server.mjs';
import { addBotCommits, localDay, routeRepository } from './reportViewRepos.mjs';

const RESULTS = join(REPO_ROOT, 'test-results', 'report-view');
const TIMEOUT = 30_000;
const DIFF = '.editor-group-container.active .monaco-diff-editor .editor.modified .view-lines .view-line';
const say = (message) => console.log(`[report-view] ${message}`);
/** The page's own words: they must all be Chinese after the switch (the browser test checks the same). */
const CHROME = '#toolbar vscode-button, #toolbar vscode-badge, .dd-field-label, .dd-picker > vscode-button, ' +
  '.dd-table th, .dd-glance h3, .dd-calendar-title, .dd-shown, .dd-commit-mark vscode-checkbox, h1, ' +
  '.dd-contents-title, .dd-contents-link, .dd-stats h3, .dd-stats-table th, .dd-stats-line, .dd-details-title';

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget .quick-input-box input').fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function session(name, folder, settings, extDir, steps) {
  const server = await startCodeServer({ folder, extensions: [extDir], label: `report-${name}`, settings });
  const browser = await launchBrowser();
  let shot = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const report = () => page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
    const screenshot = async (what) => {
      shot += 1;
      const file = join(RESULTS, `${name}-${String(shot).padStart(2, '0')}-${what}.png`);
      await page.screenshot({ path: file });
      say(`${name}: ${what} -> ${file.slice(REPO_ROOT.length + 1)}`);
    };
    await page.goto(server.folderUrl(), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-item a[aria-label^="Daily Digest"]').first().click();
    await page.locator('.monaco-workbench').click({ position: { x: 800, y: 500 } }).catch(() => {});
    await runCommand(page, 'Daily Digest: Generate Report for Today');
    await steps({ page, report, screenshot, server });
  } finally {
    await browser.close().catch(() => {});
    await server.stop({ keep: !!process.env.DAILY_DIGEST_KEEP_TMP });
  }
}

/** The contents and the first repository's statistics are shown; each contents link has a target, and two scroll there. */
async function contentsAndStatistics({ page, report, screenshot }) {
  const contents = report().locator('nav.dd-contents');
  await contents.waitFor();
  const hrefs = await contents.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  if (hrefs.length < 4) throw new Error(`the contents have ${hrefs.length} links`);
  const missing = await contents.evaluate((nav, list) =>
    list.filter((href) => !/^#[a-z0-9-]+$/.test(href) || nav.ownerDocument.getElementById(href.slice(1)) === null), hrefs);
  if (missing.length > 0) throw new Error(`contents links without a target: ${missing.join(' ')}`);
  const stats = report().locator('#r1-stats + section.dd-stats');
  for (const kind of ['modules', 'authors']) {
    if (await stats.locator(`table.dd-stats-${kind} tbody tr`).count() === 0) throw new Error(`no ${kind} in the statistics`);
  }
  say(`statistics: ${await stats.locator('.dd-stats-line').innerText()}`);
  await contents.evaluate(() => window.scrollTo(0, 0));
  await screenshot('contents');
  // A click scrolls the page itself (the host is asked nothing) until the section's heading is at the top.
  for (const [section, heading] of [['stats', '#r1-stats + section.dd-stats h3'], ['details', '#r1-details + h3']]) {
    await contents.locator(`a[href="#r1-${section}"]`).click();
    const top = () => report().locator(heading).evaluate((node) => node.getBoundingClientRect().top / window.innerHeight);
    let at = await top();
    for (let tries = 0; tries < 20 && !(at >= 0 && at < 0.25); tries += 1) {
      await page.waitForTimeout(150);
      at = await top();
    }
    if (!(at >= 0 && at < 0.25)) throw new Error(`the ${section} link left its heading at ${at.toFixed(2)} of the view's height`);
    await screenshot(`to-${section}`);
  }
  await contents.evaluate(() => window.scrollTo(0, 0));
}

const unreadOf = async (report) => Number((await report().locator('.dd-badge-unread').innerText()).match(/\d+/)?.[0]);

async function route({ page, report, screenshot, server }) {
  const yesterday = localDay(-1);
  const before = localDay(-2);
  // 1. An empty today names the last day with commits.
  await report().locator('.dd-empty-day').waitFor({ timeout: 60_000 });
  const empty = await report().locator('.dd-empty-day').innerText();
  if (!empty.includes(yesterday)) throw new Error(`the empty day does not name ${yesterday}: ${empty}`);
  await screenshot('empty-today');
  // 2. Follow it.
  await report().locator('.dd-empty-day vscode-button[data-dd-action="openDay"]').click();
  await report().locator('h1', { hasText: yesterday }).waitFor({ timeout: 60_000 });
  await report().locator('.dd-glance .dd-headline').first().waitFor();
  await screenshot('last-active-day');
  // 3. The headline names the breaking change.
  const headline = await report().locator('.dd-headline').first().innerText();
  if (!/v2 format/.test(headline)) throw new Error(`the headline does not name the breaking change: ${headline}`);
  await report().locator('.dd-glance').first().scrollIntoViewIfNeeded();
  await screenshot('headline');
  await contentsAndStatistics({ page, report, screenshot });
  // 4. The bot group: folded, then open.
  if (await report().locator('tr.dd-member').count() !== 0) throw new Error('the bot group is open before a click');
  await report().locator('a[data-dd-action="toggleGroup"]').first().click();
  await report().locator('tr.dd-member').nth(2).waitFor();
  await screenshot('group-open');
  // 5. The previous day, then back.
  await report().locator('vscode-button[data-dd-action="previousDay"]').click();
  await report().locator('h1', { hasText: before }).waitFor({ timeout: 60_000 });
  await screenshot('previous-day');
  await report().locator('vscode-button[data-dd-action="nextDay"]').click();
  await report().locator('h1', { hasText: yesterday }).waitFor({ timeout: 60_000 });
  // 6. Two marks: the report's unread badge and the view's badge fall by two.
  const viewBadge = async () => Number((await page.locator('.activitybar .action-item:has(a[aria-label^="Daily Digest"]) .badge-content')
    .first().innerText({ timeout: 2000 }).catch(() => '')).match(/\d+/)?.[0] ?? NaN);
  const unread = await unreadOf(report);
  const badge = await viewBadge();
  const boxes = report().locator('tr.dd-row vscode-checkbox[data-dd-control="reviewed"]');
  await boxes.nth(0).click();
  await boxes.nth(1).click();
  if (await unreadOf(report) !== unread - 2) throw new Error(`unread ${unread} -> ${await unreadOf(report)} after two marks`);
  await page.waitForTimeout(500);
  say(`unread ${unread} -> ${await unreadOf(report)}; the view's badge ${badge} -> ${await viewBadge()}`);
  await screenshot('two-reviewed');
  // 7. Chinese: the report language chosen in the Settings editor, as a user does.
  await runCommand(page, 'Preferences: Open Settings (UI)');
  await page.locator('.settings-editor').waitFor();
  await page.keyboard.type('dailyDigest.language');
  const control = page.locator('.settings-editor .setting-item-contents', { hasText: 'Language' }).locator('.monaco-select-box').first();
  await control.waitFor();
  // The choice counts once VS Code wrote it to the user's settings.json: a select that only shows it is tried again.
  const saved = () => /"dailyDigest\.language":\s*"zh-CN"/.test(readFileSync(join(server.dirs.userData, 'User', 'settings.json'), 'utf8'));
  for (let attempt = 0; attempt < 3 && !saved(); attempt += 1) {
    if (await control.evaluate((node) => node.tagName === 'SELECT')) {
      await control.selectOption('en');
      await control.selectOption('zh-CN');
    } else {
      await control.click();
      await page.locator('.monaco-select-box-dropdown-container .option-text', { hasText: /^zh-CN$/ }).first().click();
    }
    for (const until = Date.now() + 5000; !saved() && Date.now() < until;) await page.waitForTimeout(100);
  }
  if (!saved()) throw new Error('the Settings editor did not save dailyDigest.language = zh-CN');
  await screenshot('language-setting');
  // The Settings editor may open as a modal over the workbench: close it, then bring the report to the front.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.locator('.monaco-modal-editor-block').waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
  await page.locator('.tabs-container .tab', { hasText: 'Daily Digest' }).first().click();
  await report().locator('h1', { hasText: '每日更新报告' }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  const words = await report().locator(CHROME).allInnerTexts();
  const english = words.map((text) => text.replace(/SHA|Markdown|\d{4}-\d{2}-\d{2}/g, '')).filter((text) => /[A-Za-z]{2,}/.test(text));
  if (english.length > 0) throw new Error(`English left after the switch: ${english.join(' | ')}`);
  await screenshot('chinese');
  // 8. A commit's diff and a file's diff from the report, timed until the diff's lines show.
  const timed = async (what, click) => {
    const started = Date.now();
    await click();
    await page.locator(DIFF).first().waitFor({ timeout: 60_000 });
    const ms = Date.now() - started;
    say(`${what}: ${ms} ms`);
    await screenshot(what);
  };
  await timed('commit-diff', () => report().locator('tr.dd-row a.dd-diff').first().click());
  await page.locator('.tabs-container .tab', { hasText: 'Daily Digest' }).first().click();
  await report().locator('a.dd-file-link').first().waitFor();
  await timed('file-diff', () => report().locator('a.dd-file-link').first().click());
  // 9. A fact, when the report carries facts.
  await page.locator('.tabs-container .tab', { hasText: 'Daily Digest' }).first().click();
  await report().locator('h1').first().waitFor();
  const facts = report().locator('a.dd-fact-link');
  if (await facts.count() === 0) {
    say('no fact links: the report carries no analysis facts yet (step 9 skipped)');
    return;
  }
  await timed('fact', () => facts.first().click());
}

async function look({ page, report, screenshot }) {
  await report().locator('.dd-glance').first().waitFor({ timeout: 60_000 });
  await screenshot('glance');
  await contentsAndStatistics({ page, report, screenshot });
  await report().locator('a[data-dd-action="toggleGroup"]').first().click();
  await report().locator('tr.dd-member').first().waitFor();
  await screenshot('group-open');
  const unread = await unreadOf(report);
  const boxes = report().locator('tr.dd-row vscode-checkbox[data-dd-control="reviewed"]');
  await boxes.nth(0).click();
  await boxes.nth(1).click();
  if (await unreadOf(report) !== unread - 2) throw new Error(`unread ${unread} -> ${await unreadOf(report)} after two marks`);
  await screenshot('two-reviewed');
  await report().locator('.dd-picker[data-dd-picker="authors"] > vscode-button').click();
  await report().locator('.dd-picker[data-dd-picker="authors"] vscode-checkbox[data-dd-value="renovate[bot]"]').click();
  await screenshot('author-picker');
  await report().locator('a.dd-clear').click();
  const before = await report().locator('.dd-stats-line').first().innerText();
  await report().locator('a.dd-filter-link[data-dd-filter="importance"][data-dd-value="high"]').click();
  const after = await report().locator('.dd-stats-line').first().innerText();
  if (after === before || await report().locator('.dd-stats-line .dd-muted').count() !== 1) {
    throw new Error(`the statistics did not follow the filter: ${before} -> ${after}`);
  }
  await report().locator('#r1-stats + section.dd-stats').scrollIntoViewIfNeeded();
  await screenshot('high-only');
  await report().locator('a.dd-clear').click();
  await report().locator('[data-dd-control="order"]').evaluate((select) => {
    select.value = 'time';
    select.dispatchEvent(new Event('change'));
  });
  await screenshot('newest-first');
  await report().locator('.dd-commit').nth(1).scrollIntoViewIfNeeded();
  await screenshot('details');
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
await ensureInstalled();
const extDir = extensionPath();
buildExtension(extDir);

const repo = routeRepository();
try {
  await session('route', repo.dir, { 'workbench.colorTheme': 'Default Dark Modern', 'dailyDigest.language': 'en' }, extDir, route);
} finally {
  repo.cleanup();
}
const fixture = await createFixtureWorkspace();
addBotCommits(fixture.dir);
try {
  await session('light-zh', fixture.dir, { 'workbench.colorTheme': 'Default Light Modern', 'dailyDigest.language': 'zh-CN' }, extDir, look);
} finally {
  fixture.cleanup();
}
say('done');
