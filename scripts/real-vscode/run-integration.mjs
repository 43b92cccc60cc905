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
//  6. steps 3-5 run once per pass (PASSES below): `trusted` (all suites but trust*, workspace trust disabled) and
//     `restricted` (trust* only, workspace trust on, the fixture folder untrusted: Restricted Mode);
//  7. exit non-zero if any pass failed.
//
// Environment: DAILY_DIGEST_VSCODE_TIMEOUT (seconds to wait for the result, default 240), DAILY_DIGEST_TEST_GREP,
// DAILY_DIGEST_PASSES (e.g. `trusted`; default all), DAILY_DIGEST_SKIP_INSTALL=1, DAILY_DIGEST_KEEP_TMP=1 (keep
// server folders and fixture), DAILY_DIGEST_EXTENSION_PATH and DAILY_DIGEST_SUITES (load another extension / suite
// folder; used to prove the harness; with DAILY_DIGEST_SUITES only the trusted pass runs unless DAILY_DIGEST_PASSES
// says otherwise).
import { existsSync, mkdirSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { REPO_ROOT } from './config.mjs';
import { startCodeServer, HarnessError } from './server.mjs';
import { launchBrowser } from './browser.mjs';
import { ensureInstalled, buildExtension, compileSuites, removeCompiled, extensionPath } from './prepare.mjs';
import { createFixtureWorkspace } from './fixture.mjs';

const TIMEOUT_S = Number(process.env.DAILY_DIGEST_VSCODE_TIMEOUT) || 240;
/**
 * A test-only extension loaded beside the real one: it declares the chat model vendor that lm.test.ts registers a
 * provider for (VS Code lists a vendor's models only when some extension's package.json declares the vendor).
 */
const LM_VENDOR_DIR = join(REPO_ROOT, 'test', 'extension', 'lmVendor');
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

/**
 * The passes, each with its own code-server, fixture workspace and extension host. The compiled index
 * (test/extension/index.ts) picks the suite files of a pass from DAILY_DIGEST_ONLY_SUITES / DAILY_DIGEST_SKIP_SUITES
 * (comma-separated suite names: the file name without `.test.ts`).
 *  - trusted:    `--disable-workspace-trust` (the workspace is trusted); every suite but trust*.
 *  - restricted: workspace trust on and nothing trusted, so the fixture folder opens in Restricted Mode; trust* only.
 */
export const PASSES = [
  { name: 'trusted', workspaceTrust: false, env: { DAILY_DIGEST_SKIP_SUITES: 'trust' } },
  { name: 'restricted', workspaceTrust: true, env: { DAILY_DIGEST_ONLY_SUITES: 'trust', DAILY_DIGEST_RESTRICTED: '1' } },
];

/** DAILY_DIGEST_PASSES=trusted,restricted (default: all) selects passes, e.g. together with a grep. */
function selectedPasses() {
  const wanted = (process.env.DAILY_DIGEST_PASSES ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  // Another suite folder (a throwaway extension's suites) has no trust suites: the restricted pass would find none.
  if (wanted.length === 0) return process.env.DAILY_DIGEST_SUITES ? [PASSES[0]] : PASSES;
  const unknown = wanted.filter((name) => !PASSES.some((pass) => pass.name === name));
  if (unknown.length > 0) {
    throw new HarnessError(`unknown DAILY_DIGEST_PASSES ${unknown.join(', ')}; known: ${PASSES.map((pass) => pass.name).join(', ')}`);
  }
  return PASSES.filter((pass) => wanted.includes(pass.name));
}

export async function runIntegration() {
  const started = Date.now();
  const passes = selectedPasses();
  await ensureInstalled();
  const extDir = extensionPath();
  buildExtension(extDir, { skip: process.argv.includes('--no-build') });
  const indexJs = await compileSuites();
  const resultsDir = join(REPO_ROOT, 'test-results', 'integration');
  mkdirSync(resultsDir, { recursive: true });
  const results = [];
  try {
    for (const pass of passes) {
      const code = await runPass(pass, { extDir, indexJs, resultsDir });
      results.push([pass.name, code]);
    }
  } finally {
    if (!process.env.DAILY_DIGEST_KEEP_TMP) removeCompiled(indexJs);
  }
  say(`${results.map(([name, code]) => `${name}: ${code === 0 ? 'passed' : `failed (exit code ${code})`}`).join('; ')} ` +
    `(${((Date.now() - started) / 1000).toFixed(1)}s in all)`);
  return results.every(([, code]) => code === 0) ? 0 : 1;
}

async function runPass(pass, { extDir, indexJs, resultsDir }) {
  const started = Date.now();
  const sayPass = (msg) => say(`[${pass.name}] ${msg}`);
  // The first pass keeps the historical file names (vscode.log, browser.log); others get a prefix.
  const prefix = pass === PASSES[0] ? '' : `${pass.name}-`;
  const fixture = await createFixtureWorkspace();
  sayPass(`fixture workspace: ${fixture.dir} (${fixture.commits.length} commits)`);
  const browserLog = createWriteStream(join(resultsDir, `${prefix}browser.log`));

  let server;
  let browser;
  const closers = [];
  let failed = true;
  try {
    server = await startCodeServer({
      folder: fixture.dir, smokeTestDriver: true, workspaceTrust: pass.workspaceTrust, label: `integration-${pass.name}`,
      // Installed like a user's extension: the payload takes one extensionDevelopmentPath only (the last one wins).
      extensions: existsSync(join(LM_VENDOR_DIR, 'package.json')) ? [LM_VENDOR_DIR] : [],
    });
    sayPass(`code-server ${server.url} (pid ${server.pid}, log ${server.logFile}${pass.workspaceTrust ? ', workspace trust on' : ''})`);
    browser = await launchBrowser();
    const page = await browser.newPage();

    let lastLines = [];
    let settle;
    const result = new Promise((resolve) => { settle = resolve; });
    const vscodeLogFile = join(resultsDir, `${prefix}vscode.log`);
    const vscodeLog = createWriteStream(vscodeLogFile);
    closers.push(() => vscodeLog.end());
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = formatLog(args);
      vscodeLog.write(`[${type}] ${text}\n`);
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
        DAILY_DIGEST_PASS: pass.name,
        ...pass.env,
        ...(process.env.DAILY_DIGEST_TEST_GREP ? { DAILY_DIGEST_TEST_GREP: process.env.DAILY_DIGEST_TEST_GREP } : {}),
        ...(process.env.DAILY_DIGEST_TEST_TIMEOUT ? { DAILY_DIGEST_TEST_TIMEOUT: process.env.DAILY_DIGEST_TEST_TIMEOUT } : {}),
      })],
    ];
    sayPass(`opening the workbench with the test payload (waiting up to ${TIMEOUT_S}s for the extension host)`);
    await page.goto(server.payloadUrl(payload), { waitUntil: 'domcontentloaded', timeout: 60_000 });

    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ timeout: true }), TIMEOUT_S * 1000);
    });
    const outcome = await Promise.race([result, timeout]);
    clearTimeout(timer);
    if (outcome.timeout || outcome.error) {
      const why = outcome.error ?? `no codeAutomationExit within ${TIMEOUT_S}s`;
      const shot = join(resultsDir, `${prefix}timeout.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      throw new HarnessError(
        `the extension host never reported (${pass.name} pass): ${why}. ` +
        (lastLines.length ? `Last output:\n  ${lastLines.join('\n  ')}\n` : 'It printed nothing (did the extension activate? is the payload honoured?).\n') +
        `VS Code log ${vscodeLogFile}; ` +
        `Screenshot ${shot}; browser log ${join(resultsDir, `${prefix}browser.log`)}; code-server log tail:\n${server.logTail(15)}`);
    }
    sayPass(`extension host finished with code ${outcome.code} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    failed = outcome.code !== 0;
    return outcome.code;
  } finally {
    await browser?.close().catch(() => {});
    // Keep the server's folders (logs, user data) when something went wrong.
    await server?.stop({ keep: failed || !!process.env.DAILY_DIGEST_KEEP_TMP });
    browserLog.end();
    for (const close of closers) close();
    if (!process.env.DAILY_DIGEST_KEEP_TMP) fixture.cleanup();
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
