import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Language, Parser } from '@vscode/tree-sitter-wasm';
import grammarFiles from './grammarFiles.json';

/**
 * The tree-sitter runtime and its grammars, loaded lazily and once per process: the runtime at the first parse, each
 * grammar at the first file of its language. Nothing here runs when a report meets no source file, and the
 * extension activates without it.
 *
 * Where the files are: a bundle (dist/cli.bundle.js, dist/extension.js) has them in `grammars/` beside it
 * (scripts/build.mjs copies them there, flat); from source (tests under tsx) they are in node_modules.
 */

export type GrammarKey = keyof typeof grammarFiles.grammars;

type TreeSitterModule = typeof import('@vscode/tree-sitter-wasm');

/** The folder of bundled grammars, when this code runs from a bundle. */
const BUNDLED_FOLDER = 'grammars';

interface PackageFile {
  package: string;
  file: string;
}

let runtime: Promise<TreeSitterModule> | undefined;
const languages = new Map<GrammarKey, Promise<Language>>();
const parsers = new Map<GrammarKey, Parser>();
/** Milliseconds each load took, for the parsing budget (docs/reading.md). */
export const loadTimes = new Map<string, number>();

/** The file on disk: beside the bundle first, then in the package as installed. */
export function locateGrammarFile(entry: PackageFile): string {
  const name = entry.file.slice(entry.file.lastIndexOf('/') + 1);
  const bundled = join(__dirname, BUNDLED_FOLDER, name);
  if (existsSync(bundled)) return bundled;
  for (let folder = __dirname; ; folder = dirname(folder)) {
    const installed = join(folder, 'node_modules', entry.package, entry.file);
    if (existsSync(installed)) return installed;
    if (dirname(folder) === folder) return bundled;
  }
}

async function loadRuntime(): Promise<TreeSitterModule> {
  const started = performance.now();
  // Required by path (grammars/ beside a bundle, else the installed package), through Node's own loader: the CLI
  // runs its bundle as a vm.Script with a code cache, where the runtime's `import("module")` would find no loader.
  const module = createRequire(__filename)(locateGrammarFile(grammarFiles.runtimeScript)) as TreeSitterModule;
  const wasm = locateGrammarFile(grammarFiles.runtime);
  await module.Parser.init({ locateFile: () => wasm });
  loadTimes.set('runtime', performance.now() - started);
  return module;
}

/**
 * The tree-sitter runtime module (its Parser, Language, Query classes), loaded once. Code that needs a class of it
 * takes it from here, never from its own import(): a second instance's Query cannot read this one's Language, and a
 * bundle run from the code cache cannot import() at all.
 */
export function treeSitter(): Promise<TreeSitterModule> {
  runtime ??= loadRuntime().catch((error: unknown) => {
    runtime = undefined;
    throw error;
  });
  return runtime;
}

async function loadLanguage(key: GrammarKey): Promise<Language> {
  const module = await treeSitter();
  const started = performance.now();
  const bytes = await readFile(locateGrammarFile(grammarFiles.grammars[key]));
  const language = await module.Language.load(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  loadTimes.set(key, performance.now() - started);
  return language;
}

/** The one parser of a grammar (a Parser is reused for every file of its language). Rejects when it cannot load. */
export async function parserFor(key: GrammarKey): Promise<Parser> {
  const ready = parsers.get(key);
  if (ready) return ready;
  let loading = languages.get(key);
  if (!loading) {
    loading = loadLanguage(key);
    languages.set(key, loading);
    loading.catch(() => languages.delete(key));
  }
  const language = await loading;
  const existing = parsers.get(key);
  if (existing) return existing;
  const module = await treeSitter();
  const parser = new module.Parser();
  parser.setLanguage(language);
  parsers.set(key, parser);
  return parser;
}

/** Which grammars this process has loaded (tests: lazy loading). */
export function loadedGrammars(): GrammarKey[] {
  return [...parsers.keys()].sort();
}
