import type { CodeFacts, FileInput, ParseNote, ParseNoteReason } from './types.js';
import { diffDefinitions } from './definitionsDiff.js';
import type { FileDefinitions } from './definitionsDiff.js';
import { SideFactsCache } from './sideCache.js';
import type { SideOutcome } from './sideCache.js';
import { diffTests } from './testFacts.js';
import type { FileTests } from './testFacts.js';
import { extractSide } from './syntax/extract.js';
import { languageOfPath } from './syntax/languages.js';
import type { LanguageRow } from './syntax/languages.js';
import { parseSource } from './syntax/parse.js';
import type { ParsedSource, SyntaxTree } from './syntax/parse.js';
import { editsFromPatch, parseNewIncrementally } from './code/sideTrees.js';
import { utf8Length } from './syntax/screening.js';
import { TreeStore } from './syntax/treeStore.js';

/**
 * The definitions and tests of a commit from a real parser: each changed source file is parsed on both sides, its
 * definitions compared (definitionsDiff.ts) and its tests listed (testFacts.ts). A file that cannot be parsed gets a
 * note and no facts; nothing throws.
 */

export type DefinitionCodeFacts = Pick<CodeFacts, 'definitions' | 'tests' | 'notes'>;

/** Bytes a run may parse; shared by the commits of a run when the caller passes one budget to each. */
export interface ParseBudget {
  remainingBytes: number;
}

/** 8 MB of source per commit unless the caller shares a budget across a run. */
export const DEFAULT_COMMIT_BUDGET_BYTES = 8 * 1024 * 1024;

export function createParseBudget(bytes = DEFAULT_COMMIT_BUDGET_BYTES): ParseBudget {
  return { remainingBytes: bytes };
}

/** File name endings of code in languages without a grammar here: they get an `unknown-language` note. */
const OTHER_CODE = /\.(?:rb|php|cs|kt|kts|swift|scala|sh|bash|zsh|lua|zig|m|mm|dart|ex|exs|erl|hs|ml|clj|pl|pm|r|jl|nim|v|sv|vhd|f90|groovy|ps1|vue|svelte)$/i;

function note(notes: ParseNote[], path: string, reason: ParseNoteReason): void {
  notes.push({ path, reason });
}

export interface ExtractOptions {
  /** Bytes this call may parse; pass one budget to every commit of a run to bound the run. */
  budget?: ParseBudget;
  /** Outcomes by blob id and path, shared by the commits of a run (FileInput.oldId/newId key it). */
  cache?: SideFactsCache;
  /** Trees by blob id and path, left for the interface reader and the next commit (syntax/treeStore.ts). */
  trees?: TreeStore;
}

/** One side's outcome: from the cache, or parsed (its bytes were reserved in the budget beforehand). */
/**
 * The other side of a file, which this side may be parsed from incrementally: its tree in the store, its text and
 * the patch between them (`reverse` when the patch leads from this side to the base, i.e. this is the old side).
 */
interface IncrementalBase {
  treeKey: string;
  text: string;
  patch: string;
  reverse: boolean;
}

async function readSide(
  path: string, text: string | undefined, blobId: string | undefined, cache: SideFactsCache, trees: TreeStore | undefined,
  base?: IncrementalBase,
): Promise<SideOutcome> {
  if (text === undefined) return {};
  const key = blobId ? SideFactsCache.key(blobId, path) : undefined;
  const cached = key ? cache.get(key) : undefined;
  if (cached) return cached;
  const outcome = await parseAndRead(path, text, blobId ? TreeStore.key(blobId, path) : undefined, trees, base);
  if (key) cache.set(key, outcome, utf8Length(text));
  return outcome;
}

/** Bytes a side would cost to parse: nothing when absent or cached. */
function sideCost(path: string, text: string | undefined, blobId: string | undefined, cache: SideFactsCache): number {
  if (text === undefined || (blobId && cache.has(SideFactsCache.key(blobId, path)))) return 0;
  return utf8Length(text);
}

/** One side parsed (or its tree taken from `trees`) and read; a tree parsed here is left in `trees` when it fits. */
async function parseAndRead(
  path: string, text: string, treeKey: string | undefined, trees: TreeStore | undefined, base: IncrementalBase | undefined,
): Promise<SideOutcome> {
  const stored = treeKey ? trees?.get(treeKey) : undefined;
  if (stored) return readTree(stored.tree, stored.language, path, text);
  const parsed = (trees && base ? await parseFromBase(path, text, trees, base) : undefined) ?? await parseSource(path, text);
  if (!parsed.tree) return { reason: parsed.reason };
  const kept = treeKey !== undefined && trees !== undefined && trees.keep(treeKey, parsed.tree, parsed.language, utf8Length(text));
  try {
    return readTree(parsed.tree, parsed.language, path, text);
  } finally {
    if (!kept) parsed.tree.delete();
  }
}

/**
 * The new side parsed incrementally from the old side's tree (code/sideTrees.ts: tree-sitter re-reads only the
 * hunks); undefined when it cannot be (no stored tree, hunks that do not tile the texts, a tree left broken), and
 * the caller parses the text whole.
 */
async function parseFromBase(path: string, text: string, trees: TreeStore, base: IncrementalBase): Promise<ParsedSource | undefined> {
  const old = trees.get(base.treeKey);
  const edits = old ? editsFromPatch(base.patch, base.text, text, base.reverse) : undefined;
  if (!old || !edits) return undefined;
  // The stored tree is shared: the edits go to a copy.
  const edited = old.tree.copy();
  try {
    const side = await parseNewIncrementally(path, text, edited, old.language, edits);
    if (!side) return undefined;
    if ('reason' in side) return side.reason === 'syntax-error' ? undefined : { language: old.language, reason: side.reason };
    return { tree: side.tree, language: side.language };
  } finally {
    edited.delete();
  }
}

function readTree(tree: SyntaxTree, language: LanguageRow, path: string, text: string): SideOutcome {
  try {
    return { facts: extractSide(tree, language, path, text), language: language.name };
  } catch {
    return { reason: 'unreadable' };
  }
}

/**
 * Definitions added, removed, renamed, moved, re-signed or changed in body, the tests added or removed, and a note
 * for every source file that could not be read. Deterministic: facts in path then line order.
 */
interface Candidate {
  file: FileInput;
  language: LanguageRow;
  oldText?: string;
  newText?: string;
  old?: SideOutcome;
  now?: SideOutcome;
}

/**
 * Definitions added, removed, renamed, moved, re-signed or changed in body, the tests added or removed, and a note
 * for every source file that could not be read. Files are parsed smallest first, so that one huge file does not
 * spend the budget of ten small ones; a file whose two sides do not fit in what is left is not parsed at all
 * (`budget`). Deterministic: facts and notes in path then line order.
 */
export async function extractCodeFacts(files: FileInput[], options: ExtractOptions = {}): Promise<DefinitionCodeFacts> {
  const budget = options.budget ?? createParseBudget();
  const cache = options.cache ?? new SideFactsCache(0);
  const notes: ParseNote[] = [];
  const candidates: Candidate[] = [];
  for (const file of [...files].sort(byPath)) {
    const language = languageOfPath(file.path) ?? (file.oldPath ? languageOfPath(file.oldPath) : undefined);
    if (!language) {
      if (OTHER_CODE.test(file.path)) note(notes, file.path, 'unknown-language');
    } else if (file.binary) {
      note(notes, file.path, 'binary');
    } else if (file.unreadable) {
      note(notes, file.path, file.unreadable);
    } else {
      // A copy's old text is its source: everything in it is new here.
      const oldText = file.status === 'A' || file.status === 'C' ? undefined : file.oldText;
      const newText = file.status === 'D' ? undefined : file.newText;
      candidates.push({ file, language, oldText, newText });
    }
  }
  const cost = (candidate: Candidate): number =>
    sideCost(candidate.file.oldPath ?? candidate.file.path, candidate.oldText, candidate.file.oldId, cache) +
    sideCost(candidate.file.path, candidate.newText, candidate.file.newId, cache);
  const costs = new Map(candidates.map((candidate) => [candidate, cost(candidate)]));
  const bySize = [...candidates].sort((a, b) => (costs.get(a) ?? 0) - (costs.get(b) ?? 0) || byPath(a.file, b.file));
  for (const candidate of bySize) {
    const bytes = cost(candidate);
    if (bytes > budget.remainingBytes) {
      candidate.old = { reason: 'budget' };
      continue;
    }
    budget.remainingBytes -= bytes;
    const { file } = candidate;
    // Each side may be parsed from the other's tree: a run reads newest first, so the new side is most often the
    // one parsed already (it was the old side of the commit read before).
    const oldBase = baseOf(file.newId, file.path, candidate.newText, file.patch, true);
    candidate.old = await readSide(file.oldPath ?? file.path, candidate.oldText, file.oldId, cache, options.trees, oldBase);
    const newBase = baseOf(file.oldId, file.oldPath ?? file.path, candidate.oldText, file.patch, false);
    candidate.now = await readSide(file.path, candidate.newText, file.newId, cache, options.trees, newBase);
  }
  const definitionFiles: FileDefinitions[] = [];
  const testFiles: FileTests[] = [];
  for (const { file, language, old = {}, now = {} } of candidates) {
    const reason = old.reason ?? now.reason;
    if (reason) {
      note(notes, file.path, reason);
      continue;
    }
    if (!old.facts && !now.facts) continue;
    definitionFiles.push({
      path: file.path, oldPath: file.oldPath, language: now.language ?? old.language ?? language.name,
      old: old.facts?.definitions, new: now.facts?.definitions,
    });
    testFiles.push({ path: file.path, oldPath: file.oldPath, old: old.facts?.tests, new: now.facts?.tests });
  }
  const definitions = diffDefinitions(definitionFiles);
  return { definitions, tests: diffTests(testFiles, definitions), notes: notes.sort(byPath) };
}

function baseOf(blobId: string | undefined, path: string, text: string | undefined, patch: string | undefined, reverse: boolean): IncrementalBase | undefined {
  return blobId && text !== undefined && patch !== undefined ? { treeKey: TreeStore.key(blobId, path), text, patch, reverse } : undefined;
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
