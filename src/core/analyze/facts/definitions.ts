import type { CodeFacts, FileInput, ParseNote, ParseNoteReason } from './types.js';
import { diffDefinitions } from './definitionsDiff.js';
import type { FileDefinitions } from './definitionsDiff.js';
import { diffTests } from './testFacts.js';
import type { FileTests } from './testFacts.js';
import { extractSide } from './syntax/extract.js';
import type { SideFacts } from './syntax/extract.js';
import { languageOfPath } from './syntax/languages.js';
import { parseSource } from './syntax/parse.js';
import { utf8Length } from './syntax/screening.js';

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

type SideResult = { facts?: SideFacts; reason?: ParseNoteReason; language?: string };

async function readSide(path: string, text: string | undefined, budget: ParseBudget): Promise<SideResult> {
  if (text === undefined) return {};
  const bytes = utf8Length(text);
  if (bytes > budget.remainingBytes) return { reason: 'budget' };
  budget.remainingBytes -= bytes;
  const parsed = await parseSource(path, text);
  if (!parsed.tree) return { reason: parsed.reason };
  try {
    return { facts: extractSide(parsed.tree, parsed.language, path, text), language: parsed.language.name };
  } catch {
    return { reason: 'unreadable' };
  } finally {
    parsed.tree.delete();
  }
}

/**
 * Definitions added, removed, renamed, moved, re-signed or changed in body, the tests added or removed, and a note
 * for every source file that could not be read. Deterministic: facts in path then line order.
 */
export async function extractCodeFacts(files: FileInput[], budget = createParseBudget()): Promise<DefinitionCodeFacts> {
  const notes: ParseNote[] = [];
  const definitionFiles: FileDefinitions[] = [];
  const testFiles: FileTests[] = [];
  const ordered = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of ordered) {
    const language = languageOfPath(file.path) ?? (file.oldPath ? languageOfPath(file.oldPath) : undefined);
    if (!language) {
      if (OTHER_CODE.test(file.path)) note(notes, file.path, 'unknown-language');
      continue;
    }
    if (file.binary) {
      note(notes, file.path, 'binary');
      continue;
    }
    if (file.unreadable) {
      note(notes, file.path, file.unreadable);
      continue;
    }
    // A copy's old text is its source: everything in it is new here.
    const oldText = file.status === 'A' || file.status === 'C' ? undefined : file.oldText;
    const newText = file.status === 'D' ? undefined : file.newText;
    const old = await readSide(file.oldPath ?? file.path, oldText, budget);
    const now = old.reason ? {} : await readSide(file.path, newText, budget);
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
  return { definitions, tests: diffTests(testFiles, definitions), notes };
}
