#!/usr/bin/env node
// The report webview in a real VS Code (code-server + headless Debian chromium), looked at as a person would: the
// fixture workspace plus three renovate bumps (a folded group), in the dark theme in English, then in the light
// theme in Chinese. Each run opens today's report, reads the glance, opens the bot group, marks two commits
// reviewed (the unread badge falls), filters by author and by importance, and switches the order; a screenshot at
// each step goes to test-results/report-view/.
//
// Usage: node test/ui/reportView.mjs   (code-server as installed by scripts/real-vscode/install.mjs)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/real-vscode/config.mjs';
import { launchBrowser } from '../../scripts/real-vscode/browser.mjs';
import { createFixtureWorkspace } from '../../scripts/real-vscode/fixture.mjs';
import { buildExtension, ensureInstalled, extensionPath } from '../../scripts/real-vscode/prepare.mjs';
import { startCodeServer } from '../../scripts/real-vscode/server.mjs';

const RESULTS = join(REPO_ROOT, 'test-results', 'report-view');
const TIMEOUT = 30_000;
const say = (message) => console.log(`[report-view] ${message}`);

const RUNS = [
  { name: 'dark-en', settings: { 'workbench.colorTheme': 'Default Dark Modern', 'dailyDigest.language': 'en' } },
  { name: 'light-zh', settings: { 'workbench.colorTheme': 'Default Light Modern', 'dailyDigest.language': 'zh-CN' } },
];

/** Three renovate bumps dated a minute ago, so that the day has a bot group to fold. */
function addBotCommits(dir) {
  const now = Date.now();
  for (let index = 0; index < 3; index += 1) {
    writeFileSync(join(dir, 'renovate.json'), `{ "bump": ${index} }\n`);
    const date = new Date(now - (3 - index) * 60_000).toISOString();
    const env = {
      ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'renovate[bot]', GIT_AUTHOR_EMAIL: 'bot@renovateapp.com', GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: 'renovate[bot]', GIT_COMMITTER_EMAIL: 'bot@renovateapp.com', GIT_COMMITTER_DATE: date,
    };
    execFileSync('git', ['add', '-A'], { cwd: dir, env });
    execFileSync('git', ['commit', '-q', '-m', `chore(deps): update dependency left-pad to v1.${index + 1}.0`], { cwd: dir, env });
  }
}

async function run({ name, settings }, extDir) {
  const fixture = await createFixtureWorkspace();
  addBotCommits(fixture.dir);
  const server = await startCodeServer({ folder: fixture.dir, extensions: [extDir], label: `report-${name}`, settings });
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
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget .quick-input-box input').fill('>Daily Digest: Generate Report for Today');
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
    await page.keyboard.press('Enter');
    await report().locator('.dd-glance').first().waitFor({ timeout: 60_000 });
    await page.locator('.part.sidebar').evaluate(() => undefined);
    await screenshot('glance');

    const toggle = report().locator('a[data-dd-action="toggleGroup"]').first();
    await toggle.click();
    await report().locator('tr.dd-member').first().waitFor();
    await screenshot('group-open');

    const unread = async () => Number((await report().locator('.dd-badge-unread').innerText()).match(/\d+/)?.[0]);
    const before = await unread();
    const boxes = report().locator('tr.dd-row vscode-checkbox[data-dd-control="reviewed"]');
    await boxes.nth(0).click();
    await boxes.nth(1).click();
    const after = await unread();
    if (after !== before - 2) throw new Error(`unread ${before} -> ${after} after marking two commits reviewed`);
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
  } finally {
    await browser.close().catch(() => {});
    await server.stop({ keep: false });
    fixture.cleanup();
  }
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
await ensureInstalled();
const extDir = extensionPath();
buildExtension(extDir);
for (const spec of RUNS) await run(spec, extDir);
say('done');
