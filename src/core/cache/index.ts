import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../domain/language.js';
import type { Analysis, AnalyzerId } from '../domain/analysis.js';

/** What makes a cached analysis valid: change any part and the entry is another file. */
export interface CacheKey {
  sha: string;
  analyzer: AnalyzerId;
  model: string;
  promptVersion: number;
  language: Language;
  /** Anything else that changes the answer (custom instructions, diff budget), already hashed or short. */
  variant?: string;
}

export interface AnalysisCache {
  /** The cached analysis, or undefined when absent, unreadable or written for another key. Never throws. */
  get(key: CacheKey): Promise<Analysis | undefined>;
  /** Best effort: a failed write (read-only disk, …) is ignored. Atomic: temp file in the same folder + rename. */
  set(key: CacheKey, analysis: Analysis): Promise<void>;
  /**
   * Another kind of cached answer (the day's headline), by kind and key, in the same folder (clear() removes it too).
   * The value comes back as stored: the caller checks its shape. Undefined when absent or unreadable. Never throws.
   */
  getRecord(kind: string, key: string): Promise<unknown>;
  /** Best effort and atomic, as set(). */
  setRecord(kind: string, key: string, value: unknown): Promise<void>;
  /** Removes this cache's entries (and stray temp files); returns how many entries were removed. */
  clear(): Promise<number>;
}

const ENTRY_VERSION = 1;
const ENTRY_FILE = /^[0-9a-f]{64}\.json$/;
const TEMP_FILE = /^\.[0-9a-f]{64}\.json\.[0-9a-f]+\.tmp$/;

interface CacheEntry {
  version: number;
  key: CacheKey;
  createdAt: string;
  analysis: Analysis;
}

interface RecordEntry {
  version: number;
  record: string;
  key: string;
  createdAt: string;
  value: unknown;
}

/** Stable serialization of the key (fixed field order), hashed into the file name. */
export function cacheKeyString(key: CacheKey): string {
  return JSON.stringify([key.sha, key.analyzer, key.model, key.promptVersion, key.language, key.variant ?? '']);
}

export function cacheFileName(key: CacheKey): string {
  return `${createHash('sha256').update(cacheKeyString(key)).digest('hex')}.json`;
}

function recordFileName(kind: string, key: string): string {
  return `${createHash('sha256').update(JSON.stringify(['record', kind, key])).digest('hex')}.json`;
}

/** Writes `entry` as `name` in `dir`: a temp file in the same folder, then a rename. Failures are ignored. */
async function writeEntry(dir: string, name: string, entry: unknown): Promise<void> {
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, `${JSON.stringify(entry)}\n`, { encoding: 'utf8', mode: 0o600 });
    await rename(temp, join(dir, name));
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

async function readEntry(dir: string, name: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(join(dir, name), 'utf8')) as unknown;
  } catch {
    return undefined; // absent or corrupt: the next write replaces it
  }
}

/** One JSON file per analysis in `dir` (created when first written). */
export function createFileCache(dir: string): AnalysisCache {
  return {
    async get(key) {
      const entry = await readEntry(dir, cacheFileName(key));
      if (!isEntry(entry) || cacheKeyString(entry.key) !== cacheKeyString(key)) return undefined;
      return entry.analysis;
    },

    async set(key, analysis) {
      const entry: CacheEntry = { version: ENTRY_VERSION, key, createdAt: new Date().toISOString(), analysis };
      await writeEntry(dir, cacheFileName(key), entry);
    },

    async getRecord(kind, key) {
      const entry = await readEntry(dir, recordFileName(kind, key));
      if (!entry || typeof entry !== 'object') return undefined;
      const record = entry as Partial<RecordEntry>;
      if (record.version !== ENTRY_VERSION || record.record !== kind || record.key !== key) return undefined;
      return record.value;
    },

    async setRecord(kind, key, value) {
      const entry: RecordEntry = { version: ENTRY_VERSION, record: kind, key, createdAt: new Date().toISOString(), value };
      await writeEntry(dir, recordFileName(kind, key), entry);
    },

    async clear() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return 0;
      }
      let removed = 0;
      for (const name of names) {
        if (!ENTRY_FILE.test(name) && !TEMP_FILE.test(name)) continue; // never touch files that aren't ours
        await rm(join(dir, name), { force: true });
        if (ENTRY_FILE.test(name)) removed += 1;
      }
      return removed;
    },
  };
}

function isEntry(value: unknown): value is CacheEntry {
  if (!value || typeof value !== 'object') return false;
  const entry = value as Partial<CacheEntry>;
  const analysis = entry.analysis as Partial<Analysis> | undefined;
  return (
    entry.version === ENTRY_VERSION &&
    !!entry.key && typeof entry.key === 'object' &&
    !!analysis && typeof analysis === 'object' &&
    typeof analysis.analyzer === 'string' &&
    typeof analysis.changeType === 'string' &&
    typeof analysis.importance === 'string' &&
    typeof analysis.summary === 'string' &&
    Array.isArray(analysis.reasons) &&
    Array.isArray(analysis.scope) &&
    !!analysis.insights && typeof analysis.insights === 'object' &&
    Array.isArray(analysis.risks) &&
    Array.isArray(analysis.recommendations) &&
    Array.isArray(analysis.notes)
  );
}

export { defaultCliCacheDir } from './folder.js';
