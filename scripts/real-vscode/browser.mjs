// Headless Debian chromium driven by playwright-core (no browser download: it uses /usr/bin/chromium).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './config.mjs';
import { HarnessError } from './server.mjs';

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new HarnessError(`chromium not found at ${CHROMIUM}; run node scripts/real-vscode/install.mjs (apt-get install chromium)`);
  }
  try {
    return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (err) {
    throw new HarnessError(`could not start ${CHROMIUM}: ${String(err?.message ?? err).split('\n')[0]}`);
  }
}
