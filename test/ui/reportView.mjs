#!/usr/bin/env node
// The report webview in a real VS Code (code-server + headless Debian chromium), used as a person would.
//
// Run 1, the route (dark theme, English, then Chinese), on a repository whose last commits were yesterday:
//   1. open on an empty today; 2. follow "last active day"; 3. read the headline; 4. open the folded bot group;
//   5. go to the previous day (and back); 6. mark two commits reviewed and see the counts fall (the report's badge
//   and the view's badge); 7. switch the report language to Chinese and see every label change; 8. open a commit's
//   diff and a file's diff from the report, timed; 9. click a fact and land on its line, when the report has facts.
// Run 2 (light theme, Chinese) on the usual fixture workspace plus three renovate bumps: the glance, the group, two
// marks, the author picker, high only, newest first, the details.
// A screenshot at each step goes to test-results/report-view/.
//
// Usage: node test/ui/reportView.mjs   (code-server as installed by scripts/real-vscode/install.mjs)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/real-vscode/config.mjs';
import { launchBrowser } from '../../scripts/real-vscode/browser.mjs';
import { createFixtureWorkspace } from '../../scripts/real-vscode/fixture.mjs';
import { buildExtension, ensureInstalled, extensionPath } from '../../scripts/real-vscode/prepare.mjs';
import { startCodeServer } from '../../scripts/real-vscode/server.mjs';

const RESULTS = join(REPO_ROOT, 'test-results', 'report-view');
const TIMEOUT = 30_000;
const DIFF = '.editor-group-container.active .monaco-diff-editor .editor.modified .view-lines .view-line';
const say = (message) => console.log(`[report-view] ${message}`);
/** The page's own words: they must all be Chinese after the switch (the browser test checks the same). */
const CHROME = '#toolbar vscode-button, #toolbar vscode-badge, .dd-field-label, .dd-picker > vscode-button, ' +
  '.dd-table th, .dd-glance h3, .dd-calendar-title, .dd-shown, .dd-commit-mark vscode-checkbox, h1';

function gitIn(dir, args, who = { name: 'Ada Lovelace', email: 'ada@example.com' }, date) {
  const env = {
    ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email,
    ...(date === undefined ? {} : { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
  };
  return execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
}

/** A local day `offset` days from today at `hour`:00, as git takes it. */
function dayAt(offset, hour) {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  date.setHours(hour, 0, 0, 0);
  return date.toISOString();
}

function localDay(offset) {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The route's repository: commits two days ago and yesterday (a breaking change, a fix, three bot bumps), none today. */
function routeRepository() {
  const dir = mkdtempSync(join(tmpdir(), 'dd-route-'));
  gitIn(dir, ['init', '-q', '-b', 'main']);
  gitIn(dir, ['remote', 'add', 'origin', 'https://github.com/acme/widgets.git']);
  const write = (path, text) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const commit = (message, date, who) => {
    gitIn(dir, ['add', '-A'], who, date);
    gitIn(dir, ['commit', '-q', '-m', message], who, date);
  };
  const api = (version) => Array.from({ length: 30 }, (_, i) => `export function call${i}(input: string): string {\n  return \`${version}:\${input}:${i}\`;\n}\n`).join('');
  write('package.json', '{ "name": "widgets", "dependencies": { "left-pad": "1.0.0" } }\n');
  write('src/api/v1.ts', api('v1'));
  write('src/auth/session.ts', 'export const TTL = 3600;\nexport function valid(age: number): boolean {\n  return age < TTL;\n}\n');
  commit('chore: base project', dayAt(-2, 9));
  write('src/parser.ts', 'export function parse(text: string): string[] {\n  return text.split(/\\s+/);\n}\n');
  commit('feat(parser): split words on any whitespace', dayAt(-2, 15));
  write('src/api/v1.ts', api('v2'));
  commit('feat!: answer every call in the v2 format\n\nBREAKING CHANGE: clients that parse the v1 answers fail.\n', dayAt(-1, 10),
    { name: 'Grace Hopper', email: 'grace@example.com' });
  write('src/auth/session.ts', 'export const TTL = 900;\nexport function valid(age: number): boolean {\n  return age >= 0 && age < TTL;\n}\n');
  commit('fix(auth): reject expired and negative session ages', dayAt(-1, 11));
  const bot = { name: 'renovate[bot]', email: 'bot@renovateapp.com' };
  for (let index = 1; index <= 3; index += 1) {
    write('package.json', `{ "name": "widgets", "dependencies": { "left-pad": "1.${index}.0" } }\n`);
    commit(`chore(deps): update dependency left-pad to v1.${index}.0`, dayAt(-1, 12 + index), bot);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Three renovate bumps dated a few minutes ago, so that today has a bot group to fold. */
function addBotCommits(dir) {
  for (let index = 0; index < 3; index += 1) {
    writeFileSync(join(dir, 'renovate.json'), `{ "bump": ${index} }\n`);
    // A few minutes ago, but never yesterday (the walk may run just after midnight).
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    const date = new Date(Math.max(Date.now() - (3 - index) * 60_000, midnight.getTime() + (index + 1) * 1000)).toISOString();
    const bot = { name: 'renovate[bot]', email: 'bot@renovateapp.com' };
    gitIn(dir, ['add', '-A'], bot, date);
    gitIn(dir, ['commit', '-q', '-m', `chore(deps): update dependency left-pad to v1.${index + 1}.0`], bot, date);
  }
}

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
    await server.stop({ keep: false });
  }
}

const unreadOf = async (report) => Number((await report().locator('.dd-badge-unread').innerText()).match(/\d+/)?.[0]);

async function route({ page, report, screenshot }) {
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
  if (await control.evaluate((node) => node.tagName === 'SELECT')) await control.selectOption('zh-CN');
  else {
    await control.click();
    await page.locator('.monaco-select-box-dropdown-container .option-text', { hasText: /^zh-CN$/ }).first().click();
  }
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

async function look({ report, screenshot }) {
  await report().locator('.dd-glance').first().waitFor({ timeout: 60_000 });
  await screenshot('glance');
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
  await report().locator('a.dd-filter-link[data-dd-filter="importance"][data-dd-value="high"]').click();
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
