#!/usr/bin/env node
// Times the diff editors in a real VS Code (code-server + headless chromium): a click on an eleven-file commit in
// the Commits view until its multi-file diff shows rendered diffs, and a click on a file row of another commit until
// its single-file diff renders. The repository is test/ui/diffFixture.ts. Prints the times (ms) and saves
// screenshots to test-results/diff-timing/.
//
// Usage: node test/ui/diffTiming.mjs [--no-build] [--runs N]
//        [--repo DIR --day YYYY-MM-DD --wide SUBJECT --single SUBJECT --file NAME]   (a repository of your own: a
//        local clone is made per run; the report is generated for DAY; WIDE is the multi-file commit, NAME a file row
//        of the commit SINGLE)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { REPO_ROOT } from '../../scripts/real-vscode/config.mjs';
import { startCodeServer } from '../../scripts/real-vscode/server.mjs';
import { launchBrowser } from '../../scripts/real-vscode/browser.mjs';
import { ensureInstalled, buildExtension, extensionPath } from '../../scripts/real-vscode/prepare.mjs';

const RESULTS = join(REPO_ROOT, 'test-results', 'diff-timing');
const say = (msg) => console.log(`[diff-timing] ${msg}`);
const DIFF_IN_ACTIVE_GROUP = '.editor-group-container.active .monaco-diff-editor .editor.modified .view-lines';

/** Resolves with the ms until the active group shows `want` diff editors with rendered lines and no "Loading". */
async function waitForDiffs(page, started, want, timeout = 60_000) {
  let first;
  for (;;) {
    const state = await page.evaluate((sel) => {
      const group = document.querySelector('.editor-group-container.active');
      const rendered = [...document.querySelectorAll(sel)].filter((el) => el.querySelector('.view-line')).length;
      const loading = group ? /Loading\.\.\./.test(group.textContent ?? '') : true;
      return { rendered, loading };
    }, DIFF_IN_ACTIVE_GROUP);
    const now = Date.now();
    if (state.rendered > 0 && first === undefined) first = now - started;
    if (state.rendered >= want && !state.loading) return { first, all: now - started, rendered: state.rendered };
    if (now - started > timeout) throw new Error(`timed out: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function main() {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 1;
  await ensureInstalled();
  const extDir = extensionPath();
  buildExtension(extDir, { skip: process.argv.includes('--no-build') });
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  const { createDiffFixture } = await tsImport('./diffFixture.ts', import.meta.url);
  const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const ownRepo = arg('--repo');
  const makeFixture = () => {
    if (!ownRepo) return createDiffFixture(process.env.DIFF_EXT || 'ts');
    const dir = mkdtempSync(join(tmpdir(), 'dd-diff-timing-repo-'));
    execFileSync('git', ['clone', '-q', '--shared', ownRepo, dir]);
    return { dir, day: arg('--day'), wideSubject: arg('--wide'), singleSubject: arg('--single'), fileName: arg('--file'),
      cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  };
  const results = [];
  for (let run = 1; run <= runs; run++) {
    const fixture = makeFixture();
    let server;
    let browser;
    try {
      server = await startCodeServer({ folder: fixture.dir, extensions: [extDir], label: 'diff-timing' });
      browser = await launchBrowser();
      const page = await (await browser.newContext({ viewport: { width: 1600, height: ownRepo ? 2400 : 1000 } })).newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(server.folderUrl(), { waitUntil: 'domcontentloaded' });
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible' });
      await page.locator('.activitybar .action-item a[aria-label^="Daily Digest"]').first().click();
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      const command = fixture.day ? 'Generate Report for Date' : 'Generate Report for Today';
      await input.fill(`>Daily Digest: ${command}`);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: command }).first().waitFor();
      await page.keyboard.press('Enter');
      if (fixture.day) {
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Pick a date' }).first().click();
        await page.waitForTimeout(300);
        await input.fill(fixture.day);
        await page.keyboard.press('Enter');
      }
      const rows = page.locator('.part.sidebar .monaco-list-row[role="treeitem"]');
      await rows.filter({ hasText: /High|Medium|Low/ }).first().waitFor({ timeout: 120_000 });
      // Expand every collapsed group so both commits are listed.
      for (let i = 0; i < 6; i++) {
        const collapsed = rows.filter({ hasText: /High|Medium|Low/ }).and(page.locator('[aria-expanded="false"]'));
        if ((await collapsed.count()) === 0) break;
        await collapsed.first().locator('.monaco-tl-twistie').click();
      }
      const wide = rows.filter({ hasText: fixture.wideSubject }).first();
      await wide.waitFor();
      // Let the report settle before the click is timed.
      await page.waitForTimeout(1500);
      let started = Date.now();
      say(`click at ${started}`);
      const cdp = process.env.DIFF_PROFILE ? await page.context().newCDPSession(page) : undefined;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
        await cdp.send('Profiler.start');
      }
      if (process.env.DIFF_TRACE) {
        await page.evaluate(() => {
          window.__ddLong = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__ddLong.push([Math.round(performance.timeOrigin + e.startTime), Math.round(e.duration)]);
          }).observe({ type: 'longtask', buffered: false });
          window.__ddStates = [];
          let last = '';
          const tick = () => {
            const group = document.querySelector('.editor-group-container.active');
            const tab = group?.querySelector('.tab.active')?.textContent?.slice(0, 20) ?? '';
            const multi = !!group?.querySelector('.multiDiffEditor, .multi-diff-editor, [class*="multiDiff"]');
            const loading = /Loading/.test(group?.textContent ?? '');
            const diffs = group?.querySelectorAll('.monaco-diff-editor').length ?? 0;
            const lines = group?.querySelectorAll('.monaco-diff-editor .editor.modified .view-line').length ?? 0;
            const state = `${tab}|multi=${multi}|loading=${loading}|diffs=${diffs}|lines=${lines}`;
            if (state !== last) { window.__ddStates.push([Date.now(), state]); last = state; }
            requestAnimationFrame(tick);
          };
          tick();
        });
      }
      await wide.click();
      const multi = await waitForDiffs(page, started, 1);
      if (process.env.DIFF_TRACE) {
        await page.waitForTimeout(300);
        const trace = await page.evaluate(() => ({ long: window.__ddLong, states: window.__ddStates }));
        for (const [t, st] of trace.states) say(`  +${t - started} ${st}`);
        say(`  long tasks: ${trace.long.map(([t, d]) => `+${t - started}:${d}`).join(' ')}`);
      }
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        const { writeFileSync } = await import('node:fs');
        writeFileSync(join(RESULTS, `run${run}-multi.cpuprofile`), JSON.stringify(profile));
      }
      await page.screenshot({ path: join(RESULTS, `run${run}-multi.png`) });
      const single = rows.filter({ hasText: fixture.singleSubject }).first();
      await single.waitFor();
      await single.locator('.monaco-tl-twistie').click();
      const fileRow = rows.filter({ hasText: fixture.fileName ?? /engine\./ }).first();
      await fileRow.waitFor();
      await page.waitForTimeout(500);
      started = Date.now();
      await fileRow.click();
      const one = await waitForDiffs(page, started, 1);
      await page.screenshot({ path: join(RESULTS, `run${run}-single.png`) });
      let multi2 = { first: undefined };
      if (fixture.secondWideSubject) {
        const secondWide = rows.filter({ hasText: fixture.secondWideSubject }).first();
        await page.waitForTimeout(500);
        started = Date.now();
        await secondWide.click();
        multi2 = await waitForDiffs(page, started, 1);
        await page.screenshot({ path: join(RESULTS, `run${run}-multi2.png`) });
      }
      results.push({ run, multiFirst: multi.first, multiAll: multi.all, multiRendered: multi.rendered, singleFirst: one.first,
        secondMulti: multi2.first });
      say(`run ${run}: multi-file diff (11 files) first diff ${multi.first} ms, settled ${multi.all} ms ` +
        `(${multi.rendered} rendered); single-file diff ${one.first} ms; another multi-file diff ${multi2.first} ms`);
    } catch (err) {
      await browser?.contexts()[0]?.pages()[0]?.screenshot({ path: join(RESULTS, `run${run}-FAILED.png`) }).catch(() => {});
      throw err;
    } finally {
      await browser?.close().catch(() => {});
      await server?.stop({ keep: !!process.env.DAILY_DIGEST_KEEP_TMP });
      if (process.env.DAILY_DIGEST_KEEP_TMP) say(`kept ${server?.logFile}`);
      fixture.cleanup();
    }
  }
  console.log(JSON.stringify(results));
}

main().then(() => process.exit(0), (err) => {
  console.error(`[diff-timing] FAILED: ${err?.stack ?? err}`);
  process.exit(1);
});
