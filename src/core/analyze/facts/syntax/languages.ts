import type { LanguageDefinitions } from './definitionSpec.js';
import { clikeDefinitions } from './rules/clike.js';
import { ecmascriptDefinitions } from './rules/ecmascript.js';
import { goDefinitions } from './rules/go.js';
import { javaDefinitions } from './rules/java.js';
import { pythonDefinitions } from './rules/python.js';
import { rustDefinitions } from './rules/rust.js';
import type { GrammarKey } from './runtime.js';

/**
 * The languages the code reader parses, one row per language (in the manner of difftastic's tree_sitter_parser.rs):
 * which files are in it, which grammar parses them, and how its definitions, public names and tests are read
 * (the rules/ modules: node types to definition kinds).
 */
export type LanguageId = 'typescript' | 'tsx' | 'javascript' | 'python' | 'rust' | 'go' | 'c' | 'cpp' | 'java';

export interface LanguageRow {
  id: LanguageId;
  /** As facts name it (DefinitionFact.language). */
  name: string;
  /** File name endings, lower case, with the dot. */
  extensions: readonly string[];
  /** Whole file names (no extension rule fits them). */
  fileNames?: readonly string[];
  grammar: GrammarKey;
  definitions: LanguageDefinitions;
  /** Extensions whose declarations are public by being in a header (C, C++). */
  headerExtensions?: readonly string[];
}

export const LANGUAGES: readonly LanguageRow[] = [
  { id: 'typescript', name: 'TypeScript', extensions: ['.ts', '.mts', '.cts'], grammar: 'typescript', definitions: ecmascriptDefinitions },
  { id: 'tsx', name: 'TypeScript', extensions: ['.tsx'], grammar: 'tsx', definitions: ecmascriptDefinitions },
  { id: 'javascript', name: 'JavaScript', extensions: ['.js', '.mjs', '.cjs', '.jsx'], grammar: 'javascript', definitions: ecmascriptDefinitions },
  { id: 'python', name: 'Python', extensions: ['.py', '.pyi'], grammar: 'python', definitions: pythonDefinitions },
  { id: 'rust', name: 'Rust', extensions: ['.rs'], grammar: 'rust', definitions: rustDefinitions },
  { id: 'go', name: 'Go', extensions: ['.go'], grammar: 'go', definitions: goDefinitions },
  { id: 'c', name: 'C', extensions: ['.c', '.h'], grammar: 'c', definitions: clikeDefinitions, headerExtensions: ['.h'] },
  {
    id: 'cpp', name: 'C++', extensions: ['.cc', '.cpp', '.cxx', '.c++', '.hh', '.hpp', '.hxx', '.h++', '.ipp', '.inl'],
    grammar: 'cpp', definitions: clikeDefinitions, headerExtensions: ['.h', '.hh', '.hpp', '.hxx', '.h++'],
  },
  { id: 'java', name: 'Java', extensions: ['.java'], grammar: 'java', definitions: javaDefinitions },
];

const BY_EXTENSION = new Map<string, LanguageRow>();
const BY_FILE_NAME = new Map<string, LanguageRow>();
for (const row of LANGUAGES) {
  for (const extension of row.extensions) BY_EXTENSION.set(extension, row);
  for (const fileName of row.fileNames ?? []) BY_FILE_NAME.set(fileName, row);
}

/** The language of a path, by its file name then its extension; undefined when none of the table's. */
export function languageOfPath(path: string): LanguageRow | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const byName = BY_FILE_NAME.get(base);
  if (byName) return byName;
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return BY_EXTENSION.get(base.slice(dot).toLowerCase());
}

/** Whether a path is a header of its language (C/C++ declarations there are the public interface). */
export function isHeaderPath(row: LanguageRow, path: string): boolean {
  const lower = path.toLowerCase();
  return (row.headerExtensions ?? []).some((extension) => lower.endsWith(extension));
}
