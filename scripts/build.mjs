// Bundles the CLI, the extension and the webview with esbuild. `--only cli|extension|webview|grammars` limits the work;
// `--outdir <folder>` writes elsewhere than dist/ (test/cli/bundle.test.ts).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const flag = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const only = flag('--only');
const out = flag('--outdir') ?? 'dist';
const production = process.argv.includes('--production');

/**
 * The CLI is two files. dist/cli.bundle.js holds the whole command line, minified (less to read and compile at every
 * start; the source map beside it serves `node --enable-source-maps`). dist/cli.js (src/cli/loader.ts), the package's
 * `bin`, runs the bundle through V8's code cache. The bundle's first line names its content hash, which keys that
 * cache. What a run may not need (the engine for --help, marked and the model analyzer for a heuristic JSON or
 * Markdown report) is imported dynamically in the source: esbuild keeps it in the bundle but does not evaluate it.
 */
const CLI_ID_PLACEHOLDER = '0'.repeat(16);

const targets = {
  cli: {
    entryPoints: ['src/cli/program.ts'], outfile: `${out}/cli.bundle.js`, platform: 'node', format: 'cjs', target: 'node20', minify: process.env.DD_MINIFY !== '0',
    banner: { js: `/*! daily-digest cli ${CLI_ID_PLACEHOLDER} */` },
    // The tree-sitter runtime is required from grammars/ at run time (runtime.ts), never bundled: the loader runs the
    // bundle as a vm.Script with a code cache, and there (Node 20) the runtime's own `import("module")` has no loader.
    external: ['@vscode/tree-sitter-wasm'],
  },
  extension: {
    entryPoints: ['src/extension/extension.ts'], outfile: `${out}/extension.js`, platform: 'node', format: 'cjs',
    target: 'node20', external: ['vscode', '@vscode/tree-sitter-wasm'],
  },
  webview: {
    entryPoints: ['webview/main.ts'], outfile: `${out}/webview.js`, platform: 'browser', format: 'iife',
    target: 'es2022',
  },
};

/**
 * Writes a file whole under its final name (rename), so a `node dist/cli.js` running during a rebuild never reads a
 * half-written file.
 */
function writeAtomic(file, contents) {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

async function buildCli(options) {
  const result = await build({ ...options, write: false });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'));
  // The id replaces a placeholder of the same length on the first line: the source map stays right.
  const id = createHash('sha256').update(code.contents).digest('hex').slice(0, CLI_ID_PLACEHOLDER.length);
  for (const file of result.outputFiles) {
    writeAtomic(file.path, file === code ? code.text.replace(CLI_ID_PLACEHOLDER, id) : file.contents);
  }
  const loader = await build({
    entryPoints: ['src/cli/loader.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false,
    logLevel: 'warning', legalComments: 'none', banner: { js: '#!/usr/bin/env node' }, outfile: `${out}/cli.js`,
  });
  writeAtomic(`${out}/cli.js`, loader.outputFiles[0].contents);
  chmodSync(`${out}/cli.js`, 0o755);
  // Earlier layouts: one unminified bundle with its map, then ES module chunks.
  for (const old of [`${out}/cli.js.map`, `${out}/cli`]) rmSync(old, { recursive: true, force: true });
}

/**
 * The tree-sitter runtime and the grammars of src/core/analyze/facts/syntax/grammarFiles.json, copied flat into
 * `<out>/grammars/` where the bundles' code reader looks for them (runtime.ts). A file already there with the same
 * bytes is left alone.
 */
function copyGrammars() {
  const list = JSON.parse(readFileSync('src/core/analyze/facts/syntax/grammarFiles.json', 'utf8'));
  const require = createRequire(join(process.cwd(), 'package.json'));
  const folder = join(out, 'grammars');
  mkdirSync(folder, { recursive: true });
  for (const entry of [list.runtime, list.runtimeScript, ...Object.values(list.grammars)]) {
    const from = join(dirname(require.resolve(`${entry.package}/package.json`)), entry.file);
    const to = join(folder, basename(entry.file));
    if (existsSync(to) && readFileSync(to).equals(readFileSync(from))) continue;
    copyFileSync(from, to);
  }
}

if (!only || only === 'cli' || only === 'extension' || only === 'grammars') copyGrammars();

/** The codicon font and its stylesheet, for the report webview (reportPanel.ts links `<out>/codicons/codicon.css`). */
function copyCodicons() {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const from = join(dirname(require.resolve('@vscode/codicons/package.json')), 'dist');
  const folder = join(out, 'codicons');
  mkdirSync(folder, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(join(from, file), join(folder, file));
}

if (!only || only === 'webview') copyCodicons();

/**
 * The offline analyzer's build: a hash of src/core and the package version. It keys the analyses kept between runs
 * (src/core/analyze/analysisStore.ts), so a build whose analysis may differ never reads another build's.
 */
function analyzerBuildId() {
  const hash = createHash('sha256').update(JSON.parse(readFileSync('package.json', 'utf8')).version);
  const files = readdirSync('src/core', { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name)).sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}
const define = { __DD_ANALYZER_BUILD__: JSON.stringify(analyzerBuildId()) };

for (const [name, options] of Object.entries(targets)) {
  if (only && only !== name) continue;
  if (!existsSync(options.entryPoints[0])) continue;
  const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none', define };
  if (name === 'cli') await buildCli({ ...common, ...options });
  else await build({ ...common, ...options });
}
