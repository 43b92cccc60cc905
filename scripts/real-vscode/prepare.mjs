// Steps shared by the integration runner and the UI test: install, build the extension, compile the suites.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from './config.mjs';
import { HarnessError } from './server.mjs';

export const OUT_DIR = join(REPO_ROOT, 'out', 'test', 'extension');

export async function ensureInstalled({ skip = !!process.env.DAILY_DIGEST_SKIP_INSTALL } = {}) {
  if (skip) return;
  const { install, InstallError } = await import('./install.mjs');
  try {
    await install();
  } catch (err) {
    if (err instanceof InstallError) throw new HarnessError(`install failed: ${err.message}`);
    throw err;
  }
}

/** The folder to load as the extension: the work tree unless DAILY_DIGEST_EXTENSION_PATH points elsewhere. */
export function extensionPath() {
  return resolve(process.env.DAILY_DIGEST_EXTENSION_PATH || REPO_ROOT);
}

/** Runs `npm run build` for the work tree's extension and checks that package.json "main" exists. */
export function buildExtension(extDir = extensionPath(), { skip = false } = {}) {
  const pkgFile = join(extDir, 'package.json');
  if (!existsSync(pkgFile)) throw new HarnessError(`no package.json in the extension folder ${extDir}`);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  if (extDir === REPO_ROOT) {
    if (!existsSync(join(REPO_ROOT, 'src', 'extension', 'extension.ts'))) {
      throw new HarnessError('the extension does not exist yet: src/extension/extension.ts is missing');
    }
    if (!skip) {
      const t = Date.now();
      // Only what VS Code loads: the extension and the webview bundles (the CLI is not needed here).
      for (const only of ['extension', 'webview']) {
        const r = spawnSync(process.execPath, ['scripts/build.mjs', '--only', only], { cwd: REPO_ROOT, stdio: 'inherit' });
        if (r.status !== 0) throw new HarnessError(`building the ${only} (scripts/build.mjs --only ${only}) failed (exit code ${r.status})`);
      }
      console.log(`[harness] built the extension (${((Date.now() - t) / 1000).toFixed(1)}s)`);
    }
  }
  if (!pkg.main || !existsSync(join(extDir, pkg.main))) {
    throw new HarnessError(`the extension's main file ${pkg.main} does not exist in ${extDir}; did the build run?`);
  }
  if (!pkg.publisher || !pkg.name || !pkg.version) {
    throw new HarnessError(`package.json in ${extDir} needs publisher, name and version`);
  }
  return pkg;
}

function listTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listTests(full));
    else if (/\.test\.[cm]?[jt]s$/.test(name)) out.push(full);
  }
  return out;
}

/**
 * Compiles test/extension/index.ts and every suite file with esbuild (bundled, cjs, node, `vscode` and npm packages
 * external) to out/test/extension/run-<pid>/ (index.js + suite/**). A folder per run, because several people run
 * the tests in the same work tree at once. Returns the compiled index path; removeCompiled() deletes the folder.
 */
export async function compileSuites(suiteDir = process.env.DAILY_DIGEST_SUITES || join(REPO_ROOT, 'test', 'extension', 'suite')) {
  const { build } = await import('esbuild');
  const suites = listTests(resolve(suiteDir));
  if (suites.length === 0) {
    throw new HarnessError(`no extension test suites (*.test.ts) in ${relative(REPO_ROOT, suiteDir) || suiteDir}`);
  }
  // Leftovers of runs that were killed: older than an hour.
  for (const name of existsSync(OUT_DIR) ? readdirSync(OUT_DIR) : []) {
    const full = join(OUT_DIR, name);
    if (/^run-/.test(name) && Date.now() - statSync(full).mtimeMs > 3600_000) rmSync(full, { recursive: true, force: true });
  }
  const runDir = join(OUT_DIR, `run-${process.pid}-${Date.now().toString(36)}`);
  const common = {
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', logLevel: 'warning',
    external: ['vscode'], packages: 'external', absWorkingDir: REPO_ROOT,
  };
  try {
    await build({ ...common, entryPoints: [join(REPO_ROOT, 'test', 'extension', 'index.ts')], outfile: join(runDir, 'index.js') });
    await build({ ...common, entryPoints: suites, outbase: resolve(suiteDir), outdir: join(runDir, 'suite') });
  } catch (err) {
    throw new HarnessError(`compiling the extension test suites failed: ${String(err?.message ?? err).split('\n')[0]}`);
  }
  console.log(`[harness] compiled ${suites.length} suite file(s) to ${relative(REPO_ROOT, runDir)}/`);
  return join(runDir, 'index.js');
}

/** Deletes the folder compileSuites() made for this run. */
export function removeCompiled(indexJs) {
  if (indexJs && dirname(indexJs).startsWith(OUT_DIR)) rmSync(dirname(indexJs), { recursive: true, force: true });
}
