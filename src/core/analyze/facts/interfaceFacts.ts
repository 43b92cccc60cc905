import { ciFacts } from './ci/ciFacts.js';
import { isActionMetadata, isGithubWorkflow, isGitlabCi } from './ci/workflowModel.js';
import { codeInterfaceFacts } from './code/codeFacts.js';
import type { ChangedTokens, CodeInterfaceResult } from './code/codeFacts.js';
import { configFileFacts, isConfigFile } from './config/configFileFacts.js';
import type { ParseBudget } from './definitions.js';
import { dependencyFacts } from './deps/dependencyFacts.js';
import { manifestKindOf } from './deps/manifestKinds.js';
import { fileSecurityFacts, MAX_SECURITY_PER_COMMIT } from './security/securityFacts.js';
import { languageOfPath } from './syntax/languages.js';
import type { CodeFacts, FactLocation, FileInput, ParseNote, SecurityFact } from './types.js';

/** `tokens`: the identifiers and strings on each file's changed lines (for the facts runner's references). */
export type InterfaceFacts = Omit<CodeFacts, 'definitions' | 'tests'> & { tokens?: ChangedTokens[] };

export interface InterfaceFactsOptions {
  /**
   * Bytes of source this call may parse (definitions.ts's ParseBudget): pass the run's budget to bound a long range.
   * Past it, files are read from their patch with a `budget` note. Default: 8 MB for this call.
   */
  budget?: ParseBudget;
}

function byLocation<T extends FactLocation>(facts: T[]): T[] {
  return facts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

/** The first note per path: a file that fell back once is not reported again by the next extractor. */
function distinctNotes(notes: readonly ParseNote[]): ParseNote[] {
  const seen = new Set<string>();
  return notes.filter((note) => {
    if (seen.has(note.path)) return false;
    seen.add(note.path);
    return true;
  });
}

function emptyCodeResult(): CodeInterfaceResult {
  return { flags: [], env: [], config: [], defaults: [], routes: [], formats: [], unsafe: [], tokens: [] };
}

/**
 * Every fact of a commit except definitions and tests: flags, environment variables, config keys, defaults, routes
 * and formats (from syntax trees, or patches for files without one), dependencies (manifests and lock files), CI
 * facts (workflows), security facts (vocabulary on changed lines, `unsafe` from trees), and the notes of files that
 * fell back to their patch. Never throws: an extractor that fails leaves its lists empty and the others stand.
 */
export async function extractInterfaceFacts(files: FileInput[], options: InterfaceFactsOptions = {}): Promise<InterfaceFacts> {
  const notes: ParseNote[] = [];
  const guarded = <T>(run: () => T, empty: T): T => {
    try {
      return run();
    } catch {
      return empty;
    }
  };
  const dependencies = guarded(() => dependencyFacts(files, notes), []);
  const ci = guarded(() => ciFacts(files, notes), []);
  const configFiles = guarded(() => configFileFacts(files, notes), { config: [], defaults: [] });
  let code: CodeInterfaceResult;
  try {
    code = await codeInterfaceFacts(files, notes, options.budget);
  } catch {
    code = emptyCodeResult();
  }
  const security: SecurityFact[] = [...code.unsafe];
  for (const tokens of code.tokens) {
    security.push(...guarded(() => fileSecurityFacts(tokens.path, tokens.old, tokens.new, tokens.oldPath), []));
  }
  return {
    flags: byLocation(code.flags),
    env: byLocation(code.env),
    config: byLocation([...code.config, ...configFiles.config]),
    defaults: byLocation([...code.defaults, ...configFiles.defaults]),
    routes: byLocation(code.routes),
    formats: byLocation(code.formats),
    dependencies: byLocation(dependencies),
    ci: byLocation(ci),
    security: byLocation(security).slice(0, MAX_SECURITY_PER_COMMIT),
    notes: distinctNotes(notes),
    tokens: code.tokens,
  };
}

/**
 * Whether the interface extractors need a file's whole texts (not only its patch): manifests and lock files, CI
 * files and configuration files are compared parsed, old against new. Source files in a parsed language need them
 * too (languageOfPath); a reader of blobs asks for both.
 */
export function interfaceFactsWantTexts(path: string): boolean {
  return manifestKindOf(path) !== undefined || isGithubWorkflow(path) || isActionMetadata(path) || isGitlabCi(path) || isConfigFile(path) || languageOfPath(path) !== undefined;
}
