// Screenshots of the report webview without a VS Code: the real bundle in Debian chromium (webviewHost.ts) showing
// the sample triage report (glance, groups, hostile text, a calendar and facts), in dark and light, English and
// Chinese. For looking at the page while working on it; the real VS Code's screenshots come from test/ui.
//
// Usage: node --import tsx test/support/webviewPreview.ts [out folder, default test-results/webview]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Language } from '../../src/core/domain/language.js';
import type { Report } from '../../src/core/domain/report.js';
import type { ExtensionToWebview } from '../../src/shared/protocol.js';
import { sampleTriageReport } from './sampleTriage.js';
import { buildWebviewBundle, writeWebviewHostPage, type Theme } from './webviewHost.js';

/** The sample triage report with an activity calendar and facts on its breaking commit. */
export function previewReport(language: Language): Report {
  const report = sampleTriageReport(language);
  const counts = Array.from({ length: 56 }, (_, index) => (index * 7) % 11 === 0 ? 0 : (index * 13) % 9);
  counts[55] = 0;
  counts[54] = 9;
  for (const repo of report.repositories) {
    if (repo.error !== undefined) continue;
    repo.activity = { from: '2025-11-29', to: '2026-01-23', counts };
    for (const commit of repo.commits) {
      if (!commit.analysis.breaking) continue;
      const path = commit.files[0]?.path ?? 'src/lib.rs';
      const old = commit.files[1]?.path ?? path;
      Object.assign(commit.analysis, {
        facts: [
          { kind: 'flag', change: 'removed', name: '--legacy-resolver', framework: 'clap', path, line: 212, side: 'old' },
          { kind: 'definition', change: 'removed', defKind: 'struct', name: 'LegacyResolver', public: true, language: 'rust', path: old, line: 14 },
          { kind: 'default', name: 'resolution', old: '"legacy"', new: '"highest"', path, line: 96 },
          { kind: 'dependency', change: 'removed', name: 'pubgrub-legacy', old: '0.2.1', scope: 'runtime', ecosystem: 'cargo', path: 'Cargo.toml', line: 41 },
        ],
      });
    }
  }
  return report;
}

export async function previewShots(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'dd-webview-preview-'));
  const files: string[] = [];
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const bundle = await buildWebviewBundle(work);
    for (const theme of ['dark', 'light'] as Theme[]) {
      for (const language of ['en', 'zh-CN'] as Language[]) {
        const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
        await page.goto(writeWebviewHostPage(work, bundle, theme));
        await page.waitForFunction('window.__posted.some((m) => m.type === "ready")');
        const report = previewReport(language);
        const reviewed = [report.repositories[0]?.commits[0]?.sha ?? ''];
        const message: ExtensionToWebview = { type: 'report', report, reviewed, navigation: { today: '2026-01-23' } };
        await page.evaluate((m) => window.postMessage(m, '*'), message);
        await page.waitForSelector('article.report');
        // Open the renovate group, and scroll to the triage repository.
        await page.click('a[data-dd-action="toggleGroup"]');
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(300);
        const name = `${theme}-${language}`;
        const top = join(outDir, `${name}-top.png`);
        await page.screenshot({ path: top });
        files.push(top);
        await page.evaluate(() => document.querySelectorAll('.dd-repo')[3]?.scrollIntoView());
        await page.waitForTimeout(200);
        const triage = join(outDir, `${name}-triage.png`);
        await page.screenshot({ path: triage });
        files.push(triage);
        await page.evaluate(() => document.querySelector('.dd-facts')?.scrollIntoView({ block: 'center' }));
        await page.waitForTimeout(200);
        const facts = join(outDir, `${name}-facts.png`);
        await page.screenshot({ path: facts });
        files.push(facts);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  return files;
}

if (process.argv[1]?.endsWith('webviewPreview.ts') === true) {
  const out = resolve(process.argv[2] ?? 'test-results/webview');
  previewShots(out).then((files) => console.log(files.join('\n')), (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
