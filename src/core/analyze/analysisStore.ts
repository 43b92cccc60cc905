// The offline analyses made with the code's facts, kept between runs: the facts pass (reading and parsing every
// changed file) is what a report costs, and a commit's analysis never changes for the same build, language and rules.
// The next run of the same day (an auto-refresh after a fetch, tomorrow's range, a cron job) takes them from disk.
import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileCache } from '../cache/index.js';
import type { AnalysisCache } from '../cache/index.js';
import type { Analysis } from '../domain/analysis.js';
import type { Language } from '../domain/language.js';
import type { UserRule } from '../domain/options.js';

declare const __DD_ANALYZER_BUILD__: string | undefined;

/** Entries a build's folder holds at most; past it the folder is emptied (a year of busy days fits). */
const MAX_ENTRIES = 20_000;
const STORE_VERSION = 1;

/**
 * The analyzer's build (a hash of src/core that scripts/build.mjs writes into each bundle). Run from source (tests
 * under tsx) there is none, and nothing is kept, unless DAILY_DIGEST_ANALYZER_BUILD names one (for tests).
 */
export function analyzerBuild(): string | undefined {
  if (typeof __DD_ANALYZER_BUILD__ === 'string') return __DD_ANALYZER_BUILD__;
  const fromEnv = process.env.DAILY_DIGEST_ANALYZER_BUILD;
  return fromEnv !== undefined && /^[\w.-]{1,64}$/.test(fromEnv) ? fromEnv : undefined;
}

export interface AnalysisStore {
  get(sha: string): Promise<Analysis | undefined>;
  /** Best effort: a failed write is ignored. */
  set(sha: string, analysis: Analysis): Promise<void>;
}

/**
 * The store of one build, language and set of rules under `root`, or undefined when this build has no id. Folders
 * of other builds are removed the first time (they will never be read again).
 */
export async function openAnalysisStore(root: string, language: Language, rules: readonly UserRule[]): Promise<AnalysisStore | undefined> {
  const build = analyzerBuild();
  if (build === undefined) return undefined;
  const dir = join(root, build);
  await tidy(root, build);
  const cache: AnalysisCache = createFileCache(dir);
  const variant = createHash('sha256').update(JSON.stringify(rules)).digest('hex').slice(0, 16);
  const key = (sha: string) => ({ sha, analyzer: 'heuristic' as const, model: build, promptVersion: STORE_VERSION, language, variant });
  return {
    get: (sha) => cache.get(key(sha)),
    set: (sha, analysis) => cache.set(key(sha), analysis),
  };
}

const tidied = new Set<string>();

async function tidy(root: string, build: string): Promise<void> {
  if (tidied.has(root)) return;
  tidied.add(root);
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    if (name !== build && /^[\w.-]{1,64}$/.test(name)) await rm(join(root, name), { recursive: true, force: true }).catch(() => undefined);
  }
  const entries = await readdir(join(root, build)).catch(() => [] as string[]);
  if (entries.length > MAX_ENTRIES) await createFileCache(join(root, build)).clear().catch(() => 0);
}
