import type { Language } from '../domain/language.js';
import { isDigestError } from '../errors.js';
import { BlobReader } from '../git/blobReader.js';
import type { AnalyzedCommit } from '../domain/report.js';
import type { Analysis } from '../domain/analysis.js';
import type { UserRule } from '../domain/options.js';
import { collectCommitFacts, createRunBudget, FACT_BUDGETS } from './facts/collect.js';
import { storedFacts } from './facts/stored.js';
import type { CollectedFacts } from './facts/collect.js';
import type { FileInput, ParseNote, ParseNoteReason } from './facts/types.js';
import { factMessage, phraseList } from './messages/factMessages.js';
import type { FactMessageKey } from './messages/factMessages.js';
import { analyzeCommit } from './index.js';
import type { AnalysisStore } from './analysisStore.js';
import type { ReadDiff } from './facts/signals.js';

export interface EnrichOptions {
  /** The repository's root (RepositoryRead.root). */
  root: string;
  language: Language;
  /** The rules the first analysis used: settings, then the repository's file. */
  rules: UserRule[];
  signal?: AbortSignal;
  /** The run's parsing budget in bytes (FACT_BUDGETS.parseBytes). */
  parseBytes?: number;
  /** Analyses kept from earlier runs (analysisStore.ts): a commit found there is not read again, and one read is kept. */
  store?: AnalysisStore;
}

/** Parse notes worth telling the reader (an unknown language or a binary file is no surprise). */
const TOLD: Partial<Record<ParseNoteReason, FactMessageKey>> = {
  'syntax-error': 'reasonWordSyntax', 'too-large': 'reasonWordTooLarge', 'not-utf8': 'reasonWordNotUtf8',
  budget: 'reasonWordBudget', unreadable: 'reasonWordUnreadable',
};
/** Paths a note names at most. */
const NOTE_PATHS = 3;

/**
 * The facts pass (after the offline analyses are made): reads each commit's code through one `git cat-file`, in
 * report order while the run's budget lasts, and analyses the commit again with its facts. A commit past the
 * budget keeps its analysis with a note saying so. Never throws but for cancellation: a reader that fails leaves
 * the remaining commits as they were.
 */
export async function enrichWithCodeFacts(commits: readonly AnalyzedCommit[], options: EnrichOptions): Promise<void> {
  if (!commits.some((commit) => commit.files.length > 0)) return;
  const { store } = options;
  // Opened at the first commit the store does not have: a day read before spawns no git.
  let reader: BlobReader | undefined;
  const openReader = async (): Promise<BlobReader | undefined> => {
    try {
      reader ??= await BlobReader.open(options.root, { maxBlobBytes: FACT_BUDGETS.blobBytes, ...(options.signal ? { signal: options.signal } : {}) });
      return reader;
    } catch (error) {
      if (isCancelled(error, options.signal)) throw error;
      return undefined;
    }
  };
  const budget = createRunBudget(options.parseBytes);
  const writes: Promise<void>[] = [];
  // Kept analyses are asked for all at once, as many as the run may read: the file reads overlap instead of queueing.
  const kept = new Map<string, Promise<Analysis | undefined>>();
  if (store) {
    for (const commit of commits) {
      if (kept.size >= budget.remainingCommits) break;
      if (commit.files.length > 0 && commit.unreadable === undefined) kept.set(commit.sha, store.get(commit.sha).catch(() => undefined));
    }
  }
  try {
    for (const commit of commits) {
      if (commit.files.length === 0 || commit.unreadable !== undefined) continue;
      if (budget.remainingCommits <= 0 || budget.remainingBytes <= 0) {
        commit.analysis.notes = [...commit.analysis.notes, factMessage(options.language, 'noteBudget')];
        continue;
      }
      const stored = store ? await (kept.get(commit.sha) ?? store.get(commit.sha)) : undefined;
      if (stored !== undefined) {
        // A kept commit counts against the run's commits as a read one does, so a re-run does not go on to read more.
        budget.remainingCommits -= 1;
        commit.analysis = stored;
        continue;
      }
      const open = await openReader();
      if (open === undefined) return;
      const collected = await collectCommitFacts(commit, (spec) => open.read(spec), budget);
      if (!collected) {
        commit.analysis.notes = [...commit.analysis.notes, factMessage(options.language, 'noteBudget')];
        continue;
      }
      const analysis = await analyzeCommit(commit, {
        language: options.language, rules: options.rules, code: collected.code, readDiff: diffFromInputs(collected),
      });
      // The first pass's notes (a diff cut at its budget, …) still hold: its diff checks ran before this one.
      const notes = [...commit.analysis.notes, ...analysis.notes.filter((text) => !commit.analysis.notes.includes(text))];
      const note = unparsedNote(collected.code.notes, options.language);
      if (note) notes.push(note);
      analysis.notes = notes;
      const facts = storedFacts(collected.code);
      if (facts.length > 0) analysis.facts = facts;
      commit.analysis = analysis;
      // A commit cut by the run's budgets would read differently in another run: only whole readings are kept.
      if (store && !collected.code.notes.some((note) => note.reason === 'budget')) writes.push(store.set(commit.sha, analysis));
    }
  } catch (error) {
    if (isCancelled(error, options.signal)) throw error;
  } finally {
    reader?.close();
    budget.trees?.clear();
    await Promise.all(writes);
  }
}

function isCancelled(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (isDigestError(error) && error.code === 'cancelled');
}

function unparsedNote(notes: readonly ParseNote[], language: Language): string | undefined {
  const told = notes.filter((note) => TOLD[note.reason] !== undefined);
  if (told.length === 0) return undefined;
  const items = told.map((note) => `${note.path} (${factMessage(language, TOLD[note.reason]!)})`);
  return factMessage(language, 'noteUnparsed', { items: phraseList(language, items, NOTE_PATHS), count: told.length });
}

/**
 * The diff checks' reads (workflows, manifests, defaults) answered from the files the facts stage read, in git's
 * patch form; files it did not read are absent, as if unchanged.
 */
function diffFromInputs({ inputs }: CollectedFacts): ReadDiff {
  const byPath = new Map<string, FileInput>(inputs.map((input) => [input.path, input]));
  return async (paths, maxBytes) => {
    let text = '';
    for (const path of paths) {
      const input = byPath.get(path);
      if (input?.patch === undefined) continue;
      text += `diff --git a/${input.oldPath ?? path} b/${path}\n--- a/${input.oldPath ?? path}\n+++ b/${path}\n${input.patch}`;
    }
    return { text: text.slice(0, maxBytes), truncated: text.length > maxBytes };
  };
}
