import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { ParseNoteReason } from '../types.js';
import { languageOfPath, LANGUAGES } from './languages.js';
import type { LanguageRow } from './languages.js';
import { parserFor } from './runtime.js';
import { screenText } from './screening.js';

export type { Node as SyntaxNode, Tree as SyntaxTree } from '@vscode/tree-sitter-wasm';

/**
 * A parsed file: the tree (the caller deletes it with `tree.delete()`, WASM memory is not collected) and the
 * language row that parsed it. Or no tree and the reason, which becomes a ParseNote.
 */
export type ParsedSource =
  | { tree: Tree; language: LanguageRow; reason?: undefined }
  | { tree?: undefined; language?: LanguageRow; reason: ParseNoteReason };

/** A parse slower than this is abandoned (tree-sitter is linear; only a pathological grammar path gets here). */
const PARSE_TIMEOUT_MS = 2000;
/**
 * A tree whose ERROR nodes cover more than this share of the text is a `syntax-error`, or one with more ERROR nodes
 * than MAX_ERROR_NODES plus one per ERROR_LINES lines. Real C is full of small local errors (git's `UNUSED`,
 * `NORETURN`, `GIT_PATH_FUNC(…)` macros: 116 of git's first 150 C files) that leave every definition whole, so
 * only a tree mostly made of errors is refused.
 */
const MAX_ERROR_SHARE = 0.15;
const MAX_ERROR_NODES = 25;
const ERROR_LINES = 25;

const CPP = LANGUAGES.find((row) => row.id === 'cpp');
/** In a `.h` file, what says C++ rather than C (bounded: read in the first 64 KB, no backtracking). */
const CPP_IN_HEADER = /\b(?:namespace|class|template)\s*[A-Za-z_<{]|\b(?:public|private|protected)\s*:|\bstd::|\bconstexpr\b/;

/** The language row for a file, looking into a `.h` to tell C++ from C. */
export function languageOfFile(path: string, text: string): LanguageRow | undefined {
  const row = languageOfPath(path);
  if (row?.id === 'c' && path.toLowerCase().endsWith('.h') && CPP && CPP_IN_HEADER.test(text.slice(0, 65536))) {
    return CPP;
  }
  return row;
}

/**
 * Parses one file's text with the grammar of its language. Never throws: an unknown language, a text screened out
 * (too large, binary, generated, minified), a grammar that fails to load and a tree mostly made of errors each give
 * a reason instead of a tree.
 */
export async function parseSource(path: string, text: string): Promise<ParsedSource> {
  const language = languageOfFile(path, text);
  if (!language) return { reason: 'unknown-language' };
  const screened = screenText(path, text);
  if (screened) return { language, reason: screened };
  let tree: Tree | null;
  try {
    const parser = await parserFor(language.grammar);
    const deadline = performance.now() + PARSE_TIMEOUT_MS;
    tree = parser.parse(text, null, { progressCallback: () => performance.now() > deadline });
  } catch {
    return { language, reason: 'unreadable' };
  }
  if (!tree) return { language, reason: 'too-large' };
  if (tooBroken(tree.rootNode, text)) {
    tree.delete();
    return { language, reason: 'syntax-error' };
  }
  return { tree, language };
}

/** Parses, hands the tree to `use`, and deletes the tree whatever `use` does. */
export async function withParsedSource<T>(
  path: string,
  text: string,
  use: (tree: Tree, language: LanguageRow) => T,
): Promise<T | { reason: ParseNoteReason }> {
  const parsed = await parseSource(path, text);
  if (!parsed.tree) return { reason: parsed.reason };
  try {
    return use(parsed.tree, parsed.language);
  } finally {
    parsed.tree.delete();
  }
}

function tooBroken(root: Node, text: string): boolean {
  if (!root.hasError) return false;
  const errors = root.descendantsOfType('ERROR');
  let covered = 0;
  for (const node of errors) if (node) covered += node.endIndex - node.startIndex;
  const lines = root.endPosition.row + 1;
  return covered > text.length * MAX_ERROR_SHARE || errors.length > MAX_ERROR_NODES + lines / ERROR_LINES;
}
