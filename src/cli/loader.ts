// The `daily-digest` command: dist/cli.js (package.json `bin`). It runs the CLI bundle, dist/cli.bundle.js, through
// V8's code cache, so that a run does not compile the bundle again: compiling it costs ~15-20 ms of a ~0.2 s busy
// day, reading the cache ~2 ms. Node 22's module.enableCompileCache() does the like for modules it loads, but not on
// Node 20, and it caches what was compiled before the code ran; this cache is written after a run, so it also holds
// the functions that run compiled.
//
// The cache is one file per bundle and Node version in the user's cache folder (as the walk index), written once by
// the first report run. V8 refuses a cache made by another V8, other flags or another source length; the file name
// carries the bundle's content hash (its first line, written by scripts/build.mjs), so a rebuilt bundle never meets
// an old cache. No cache with --no-cache or NODE_DISABLE_COMPILE_CACHE, and none when Node maps stack traces
// through source maps (--enable-source-maps): the bundle is then loaded by Node itself.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { defaultCliCacheDir } from '../core/cache/folder.js';

interface CliBundle {
  run(): void;
}

const BUNDLE = join(__dirname, 'cli.bundle.js');
const BUNDLE_ID = /^\/\*! daily-digest cli ([0-9a-f]{16}) \*\//;
/** Cache files kept (the newest): a few bundles side by side, e.g. a global and a local install. */
const KEPT_CACHES = 4;

/** The cache file of this bundle, in daily-digest's cache folder (beside the walk index). */
function cacheFile(id: string): string | undefined {
  let base: string;
  try {
    base = defaultCliCacheDir();
  } catch {
    return undefined; // no home folder: no cache
  }
  return join(base, 'code-cache', `cli-${id}-${process.version}-${process.arch}.bin`);
}

function cacheWanted(args: string[]): boolean {
  return !process.sourceMapsEnabled && !process.env.NODE_DISABLE_COMPILE_CACHE && !args.includes('--no-cache');
}

/** A run worth caching: one that made a report, not --help, --version or a usage error. */
function reportRun(args: string[]): boolean {
  const quick = ['-h', '--help', '-V', '--version'];
  return process.exitCode !== 1 && !args.some((arg) => quick.includes(arg));
}

function writeCache(file: string, data: Buffer): void {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
  const old = readdirSync(folder)
    .filter((name) => name.endsWith('.bin'))
    .map((name) => ({ path: join(folder, name), time: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time)
    .slice(KEPT_CACHES);
  for (const entry of old) unlinkSync(entry.path);
}

function loadCached(source: string, file: string, args: string[]): CliBundle {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file);
  } catch {
    // No cache yet.
  }
  // The CommonJS wrapper Node itself would give the bundle.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      if (!reportRun(args)) return;
      try {
        writeCache(file, script.createCachedData());
      } catch {
        // A read-only or full disk: the next run compiles again, nothing else changes.
      }
    });
  }
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const bundle = { exports: {} as CliBundle };
  wrapper.call(bundle.exports, bundle.exports, createRequire(BUNDLE), bundle, BUNDLE, __dirname);
  return bundle.exports;
}

function load(): CliBundle {
  const args = process.argv.slice(2);
  if (cacheWanted(args)) {
    const source = readFileSync(BUNDLE, 'utf8');
    const id = BUNDLE_ID.exec(source)?.[1];
    const file = id === undefined ? undefined : cacheFile(id);
    if (file !== undefined) return loadCached(source, file, args);
  }
  return createRequire(__filename)(BUNDLE) as CliBundle;
}

load().run();
