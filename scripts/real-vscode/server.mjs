// Starts and stops a real code-server (VS Code in the browser) for tests.
//
//   const server = await startCodeServer({ folder, smokeTestDriver: true, extensions: [repoRoot] });
//   ... server.url, server.payloadUrl({...}) ...
//   await server.stop();
//
// Every server gets a fresh root folder (HOME, XDG_*, TMPDIR, user-data dir, extensions dir) so nothing leaks into
// the real home or between runs. The process runs in its own process group; stop() kills the whole group, and an
// exit hook kills it too if the caller crashes.
import { spawn } from 'node:child_process';
import {
  mkdtempSync, mkdirSync, writeFileSync, readFileSync, symlinkSync, rmSync, realpathSync, openSync, closeSync,
  existsSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, delimiter } from 'node:path';
import { NODE_BIN, NODE_HOME, CODE_SERVER_ENTRY, CODE_SERVER_VERSION } from './config.mjs';

export class HarnessError extends Error {}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
};

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const live = new Set();
let hooked = false;
function hookExit() {
  if (hooked) return;
  hooked = true;
  // Last resort: never leave a code-server behind, whatever way the runner dies.
  process.on('exit', () => {
    for (const pid of live) {
      try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      console.error(`[harness] ${sig}: stopping code-server`);
      process.exit(130);
    });
  }
}

function tail(file, n = 40) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * @param {object} o
 * @param {string} o.folder            workspace folder to open
 * @param {boolean} [o.smokeTestDriver] pass `--vscode-option enable-smoke-test-driver` (needed for test payloads;
 *                                      it also suppresses notification toasts)
 * @param {string[]} [o.extensions]    extension folders to symlink into the extensions dir (installed like a user's)
 * @param {object} [o.settings]        extra user settings
 * @param {boolean} [o.workspaceTrust]  keep workspace trust on (no `--disable-workspace-trust`): the folder opens in
 *                                      Restricted Mode, since nothing is trusted in the fresh user-data folder; the
 *                                      startup trust prompt is turned off so it cannot block the run
 * @param {string} [o.label]           name used in logs
 * @param {boolean} [o.echo]           also copy the server's output to stderr
 * @param {number} [o.startTimeoutMs]
 */
export async function startCodeServer(o) {
  if (!existsSync(CODE_SERVER_ENTRY) || !existsSync(NODE_BIN)) {
    throw new HarnessError(
      `code-server ${CODE_SERVER_VERSION} is not installed (${CODE_SERVER_ENTRY}); run node scripts/real-vscode/install.mjs`);
  }
  const label = o.label ?? 'code-server';
  const root = realpathSync(mkdtempSync(join(tmpdir(), `dd-${label}-`)));
  const dirs = {
    root,
    home: join(root, 'home'),
    config: join(root, 'xdg-config'),
    data: join(root, 'xdg-data'),
    cache: join(root, 'xdg-cache'),
    tmp: join(root, 'tmp'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  const trustSettings = o.workspaceTrust
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }
    : {};
  writeFileSync(join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...trustSettings, ...o.settings }, null, 2) + '\n');

  for (const ext of o.extensions ?? []) {
    const pkg = JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8'));
    const id = `${pkg.publisher}.${pkg.name}-${pkg.version}`;
    symlinkSync(realpathSync(ext), join(dirs.extensions, id), 'dir');
  }

  const port = await freePort();
  const logFile = join(root, 'code-server.log');
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(o.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    ...(o.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    o.folder,
  ];
  const env = {
    ...process.env,
    PATH: `${join(NODE_HOME, 'bin')}${delimiter}${process.env.PATH}`,
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
    // Keep the machine's git config out of the extension host's git calls.
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
  };
  delete env.NODE_OPTIONS; // the runner may run under tsx; code-server must not inherit its loader
  delete env.VSCODE_IPC_HOOK_CLI;
  const fd = openSync(logFile, 'a');
  const child = spawn(NODE_BIN, args, { env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  hookExit();
  live.add(child.pid);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      live.delete(child.pid);
      resolve(exited);
    });
  });
  child.on('error', (err) => { exited = { code: null, signal: null, err }; });

  let echoTimer;
  if (o.echo) {
    let offset = 0;
    echoTimer = setInterval(() => {
      try {
        const text = readFileSync(logFile, 'utf8');
        if (text.length > offset) process.stderr.write(text.slice(offset));
        offset = text.length;
      } catch { /* not yet */ }
    }, 500);
  }

  const url = `http://127.0.0.1:${port}`;
  const server = {
    url, port, dirs, logFile, pid: child.pid, folder: o.folder,
    /** URL that opens `folder` with the workbench's test payload (needs smokeTestDriver). */
    payloadUrl(payload) {
      return `${url}/?folder=${encodeURIComponent(o.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    folderUrl() {
      return `${url}/?folder=${encodeURIComponent(o.folder)}`;
    },
    logTail: (n) => tail(logFile, n),
    async stop({ keep = !!process.env.DAILY_DIGEST_KEEP_TMP } = {}) {
      clearInterval(echoTimer);
      if (!exited) {
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
        const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
        await exitPromise;
        clearTimeout(t);
      }
      // Children (extension host, pty host) share the group; make sure none survive.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      live.delete(child.pid);
      if (!keep) rmSync(root, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + (o.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      const why = exited.err ? exited.err.message : `exit code ${exited.code}, signal ${exited.signal}`;
      const log = tail(logFile);
      await server.stop({ keep: true });
      throw new HarnessError(`code-server exited before it answered (${why}); log ${logFile}:\n${log}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      const log = tail(logFile);
      await server.stop({ keep: true });
      throw new HarnessError(`code-server did not answer ${url}/healthz within ${o.startTimeoutMs ?? 60_000} ms; log ${logFile}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return server;
}
