#!/usr/bin/env node
// Runs the extension's mocha suites inside a REAL VS Code (code-server) extension host.
//
//  1. install (cached) code-server + Node 24 + chromium        -> install.mjs
//  2. build the extension, compile the suites with esbuild      -> prepare.mjs
//  3. build the fixture workspace repo (commits dated today)    -> test/ui/fixtureWorkspace.ts
//  4. start code-server with `--vscode-option enable-smoke-test-driver`
//  5. open the workbench's test payload URL in headless chromium; the workbench loads the extension from the work
//     tree (extensionDevelopmentPath), runs test/extension/index.ts (extensionTestsPath), streams the extension
//     host's output through window.codeAutomationLog and reports the result through window.codeAutomationExit.
//  6. exit with the suite's code.
//
// Environment: DAILY_DIGEST_VSCODE_TIMEOUT (seconds to wait for the result, default 240), DAILY_DIGEST_TEST_GREP,
// DAILY_DIGEST_SKIP_INSTALL=1, DAILY_DIGEST_KEEP_TMP=1 (keep server folders and fixture), DAILY_DIGEST_EXTENSION_PATH
// and DAILY_DIGEST_SUITES (load another extension / suite folder; used to prove the harness).
import { mkdirSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { REPO_ROOT } from './config.mjs';
import { startCodeServer, HarnessError } from './server.mjs';
import { launchBrowser } from './browser.mjs';
import { ensureInstalled, buildExtension, compileSuites, removeCompiled, extensionPath } from './prepare.mjs';
import { createFixtureWorkspace } from './fixture.mjs';

const TIMEOUT_S = Number(process.env.DAILY_DIGEST_VSCODE_TIMEOUT) || 240;
const say = (msg) => console.log(`[integration] ${msg}`);

function remote(path) {
  return `vscode-remote://remote${path}`;
}

function formatLog(args) {
  const parts = Array.isArray(args) ? args : [args];
  return format(...parts);
}

// Workbench chatter that reaches codeAutomationLog before the suites start and says nothing about our code.
const NOISE = [
  /^Resolv(ing|ed) connection token/, /^Creating a socket/, /^\[reconnection-grace-time\]/, /^\[Service Worker\]/,
  /^Updating additional builtin extensions cache/, /^\[AgentHost/, /^\[AccountPolicyGate\]/,
  /authentication provider 'github'/, /getaddrinfo ENOTFOUND/, /vsda/,
];
const VERBOSE = !!process.env.DAILY_DIGEST_VERBOSE;

export async function runIntegration() {
  const started = Date.now();
  await ensureInstalled();
  const extDir = extensionPath();
  buildExtension(extDir, { skip: process.argv.includes('--no-build') });
  const indexJs = await compileSuites();

  const fixture = await createFixtureWorkspace();
  say(`fixture workspace: ${fixture.dir} (${fixture.commits.length} commits)`);
  const resultsDir = join(REPO_ROOT, 'test-results', 'integration');
  mkdirSync(resultsDir, { recursive: true });
  const browserLog = createWriteStream(join(resultsDir, 'browser.log'));

  let server;
  let browser;
  const closers = [];
  let failed = true;
  try {
    server = await startCodeServer({ folder: fixture.dir, smokeTestDriver: true, label: 'integration' });
    say(`code-server ${server.url} (pid ${server.pid}, log ${server.logFile})`);
    browser = await launchBrowser();
    const page = await browser.newPage();

    let lastLines = [];
    let settle;
    const result = new Promise((resolve) => { settle = resolve; });
    const vscodeLog = createWriteStream(join(resultsDir, 'vscode.log'));
    closers.push(() => vscodeLog.end());
    let suitesStarted = false;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = formatLog(args);
      vscodeLog.write(`[${type}] ${text}\n`);
      if (text.startsWith('[daily-digest tests]')) suitesStarted = true;
      // Errors thrown in the browser workbench carry workbench.js stack frames; the extension host's never do.
      if (!VERBOSE && (NOISE.some((re) => re.test(text)) || text.includes('/workbench.js:'))) return;
      lastLines = [...lastLines, text].slice(-20);
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
    page.on('console', (msg) => browserLog.write(`[console.${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => browserLog.write(`[pageerror] ${err.message}\n`));
    page.on('crash', () => settle({ error: 'the browser tab crashed' }));
    page.on('close', () => settle({ error: 'the browser tab closed' }));

    const payload = [
      ['extensionDevelopmentPath', remote(extDir)],
      ['extensionTestsPath', remote(indexJs)],
      ['extensionEnvironment', JSON.stringify({
        DAILY_DIGEST_FIXTURE: fixture.dir,
        DAILY_DIGEST_FIXTURE_COMMITS: JSON.stringify(fixture.commits),
        ...(process.env.DAILY_DIGEST_TEST_GREP ? { DAILY_DIGEST_TEST_GREP: process.env.DAILY_DIGEST_TEST_GREP } : {}),
        ...(process.env.DAILY_DIGEST_TEST_TIMEOUT ? { DAILY_DIGEST_TEST_TIMEOUT: process.env.DAILY_DIGEST_TEST_TIMEOUT } : {}),
      })],
    ];
    say(`opening the workbench with the test payload (waiting up to ${TIMEOUT_S}s for the extension host)`);
    await page.goto(server.payloadUrl(payload), { waitUntil: 'domcontentloaded', timeout: 60_000 });

    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ timeout: true }), TIMEOUT_S * 1000);
    });
    const outcome = await Promise.race([result, timeout]);
    clearTimeout(timer);
    if (outcome.timeout || outcome.error) {
      const why = outcome.error ?? `no codeAutomationExit within ${TIMEOUT_S}s`;
      const shot = join(resultsDir, 'timeout.png');
      await page.screenshot({ path: shot }).catch(() => {});
      throw new HarnessError(
        `the extension host never reported: ${why}. ` +
        (lastLines.length ? `Last output:\n  ${lastLines.join('\n  ')}\n` : 'It printed nothing (did the extension activate? is the payload honoured?).\n') +
        `VS Code log ${join(resultsDir, 'vscode.log')}; ` +
        `Screenshot ${shot}; browser log ${join(resultsDir, 'browser.log')}; code-server log tail:\n${server.logTail(15)}`);
    }
    say(`extension host finished with code ${outcome.code} (${((Date.now() - started) / 1000).toFixed(1)}s in all)`);
    failed = outcome.code !== 0;
    return outcome.code;
  } finally {
    await browser?.close().catch(() => {});
    // Keep the server's folders (logs, user data) when something went wrong.
    await server?.stop({ keep: failed || !!process.env.DAILY_DIGEST_KEEP_TMP });
    browserLog.end();
    for (const close of closers) close();
    if (!process.env.DAILY_DIGEST_KEEP_TMP) {
      fixture.cleanup();
      removeCompiled(indexJs);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runIntegration().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`[integration] FAILED: ${err instanceof HarnessError ? err.message : err?.stack || err}`);
      process.exit(1);
    });
}
