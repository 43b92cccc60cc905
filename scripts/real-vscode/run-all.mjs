#!/usr/bin/env node
// `npm run test:vscode`: one install, then the extension-host integration suites, then the UI test (both run even
// if the first fails). Exits non-zero if either fails or the real VS Code part cannot start.
import { HarnessError } from './server.mjs';
import { ensureInstalled } from './prepare.mjs';
import { runIntegration } from './run-integration.mjs';
import { runUiTest } from '../../test/ui/ui.test.mjs';

const started = Date.now();
const results = [];
try {
  await ensureInstalled();
} catch (err) {
  console.error(`[vscode] FAILED: ${err instanceof HarnessError ? err.message : err?.stack || err}`);
  process.exit(1);
}
process.env.DAILY_DIGEST_SKIP_INSTALL = '1';

for (const [name, fn] of [['integration', runIntegration], ['ui', runUiTest]]) {
  try {
    const code = (await fn()) ?? 0;
    results.push([name, code === 0 ? 'passed' : `failed (exit code ${code})`]);
  } catch (err) {
    results.push([name, `failed: ${err?.message?.split('\n')[0] ?? err}`]);
    console.error(`[${name}] FAILED: ${err?.message ?? err}`);
  }
}
console.log(`[vscode] ${results.map(([n, r]) => `${n}: ${r}`).join('; ')} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
process.exit(results.every(([, r]) => r === 'passed') ? 0 : 1);
