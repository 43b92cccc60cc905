#!/usr/bin/env node
// `npm run test:vscode`: one install, then the extension-host integration suites, the UI test and the two UI walks
// (each runs even if one before it fails). Exits non-zero if any fails or the real VS Code part cannot start.
import { spawnSync } from 'node:child_process';
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

/**
 * A UI walk run as its own process (it exits when done); its screenshots go to test-results/. A walk drives the real
 * workbench like a person, through animations and restores: one that fails is run once more, and the log says so.
 */
function walk(script, args = []) {
  const run = () => spawnSync(process.execPath, [script, ...args], { stdio: 'inherit', env: process.env }).status ?? 1;
  return () => {
    const first = run();
    if (first === 0) return 0;
    console.log(`[vscode] ${script} failed (exit code ${first}); running it once more`);
    const second = run();
    console.log(`[vscode] ${script} ${second === 0 ? 'passed on the second run' : `failed again (exit code ${second})`}`);
    return second;
  };
}

for (const [name, fn] of [
  ['integration', runIntegration], ['ui', runUiTest],
  // The issue-16 routes: the triage walk (dark and light) and the report view's walk, with their screenshots.
  ['triage walk', walk('test/ui/triageWalk.mjs', ['--no-build'])], ['report view walk', walk('test/ui/reportView.mjs')],
]) {
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
