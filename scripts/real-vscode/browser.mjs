// Headless Debian chromium driven by playwright-core (no browser download: it uses /usr/bin/chromium).
// Chromium gets its own HOME / XDG folders, so it writes nothing (crash-report settings, caches) into the real home.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './config.mjs';
import { HarnessError } from './server.mjs';

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new HarnessError(`chromium not found at ${CHROMIUM}; run node scripts/real-vscode/install.mjs (apt-get install chromium)`);
  }
  const home = mkdtempSync(join(tmpdir(), 'dd-chromium-'));
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000,
      env: {
        ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'),
        XDG_DATA_HOME: join(home, 'data'),
      },
    });
  } catch (err) {
    rmSync(home, { recursive: true, force: true });
    throw new HarnessError(`could not start ${CHROMIUM}: ${String(err?.message ?? err).split('\n')[0]}`);
  }
  browser.on('disconnected', () => rmSync(home, { recursive: true, force: true }));
  return browser;
}
