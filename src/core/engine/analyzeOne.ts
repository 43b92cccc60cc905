import { analyzeCommit, analyzeCommitNow } from '../analyze/index.js';
import type { CommitPlan, ReadDiff } from '../analyze/index.js';
import type { ReadDiffNow } from '../analyze/facts/signals.js';
import { answerCapturedDiff } from '../git/capturedDiff.js';
import type { CapturedDiff } from '../git/capturedDiff.js';
import type { Language } from '../domain/language.js';
import type { Commit } from '../domain/commit.js';
import type { UserRule } from '../domain/options.js';
import type { Analysis } from '../domain/analysis.js';
import { reportMessage } from '../i18n/reportMessages.js';
import { throwIfCancelled } from '../cancellation.js';

// One commit's offline analysis, its diff reads answered from a captured patch when they can be.

export interface AnalysisSettings {
  language: Language;
  rules: UserRule[];
  signal: AbortSignal | undefined;
}

/** Answers the analyzer's reads from the captured patch, or through `otherwise` when it cannot answer exactly. */
export function fromCapture(captured: CapturedDiff, otherwise: ReadDiff): ReadDiff {
  return async (paths, maxBytes) => answerCapturedDiff(captured, paths, maxBytes) ?? (await otherwise(paths, maxBytes));
}

export async function analyzeOne(commit: Commit, readDiff: ReadDiff, settings: AnalysisSettings): Promise<Analysis> {
  const { language, rules, signal } = settings;
  throwIfCancelled(signal);
  // The analyzer reads diffs within a byte budget; when one was cut, the report says the checks saw part of it.
  let cutAt: number | undefined;
  const analysis = await analyzeCommit(commit, {
    language,
    rules,
    readDiff: async (paths, maxBytes) => {
      const diff = await readDiff(paths, maxBytes);
      if (diff.truncated) cutAt = Math.max(cutAt ?? 0, maxBytes);
      return diff;
    },
  });
  return withCutNote(analysis, cutAt, language);
}

/** analyzeOne with every read answered from `captured` at once; undefined when one cannot be (analyzeOne then). */
export function analyzeOneNow(
  commit: Commit,
  plan: CommitPlan,
  captured: CapturedDiff | undefined,
  settings: AnalysisSettings,
): Analysis | undefined {
  const { language, rules, signal } = settings;
  throwIfCancelled(signal);
  let cutAt: number | undefined;
  const readDiffNow: ReadDiffNow = (paths, maxBytes) => {
    const diff = captured && answerCapturedDiff(captured, paths, maxBytes);
    if (diff?.truncated) cutAt = Math.max(cutAt ?? 0, maxBytes);
    return diff;
  };
  const analysis = analyzeCommitNow(commit, { language, rules, readDiffNow }, plan);
  return analysis && withCutNote(analysis, cutAt, language);
}

function withCutNote(analysis: Analysis, cutAt: number | undefined, language: Language): Analysis {
  if (cutAt !== undefined) {
    analysis.notes = [...analysis.notes, reportMessage(language, 'diffCut', { kb: String(Math.round(cutAt / 1024)) })];
  }
  return analysis;
}

