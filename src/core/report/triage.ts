import { isDigestError } from '../errors.js';
import type { Language } from '../domain/language.js';
import type { ReadOptions } from '../domain/options.js';
import type { AnalyzedCommit, ReportWindow, RepositoryReport } from '../domain/report.js';
import { lastCommitDay, readActivityCalendar } from './activity.js';
import { daySections } from './days.js';
import { computeGlance } from './glance.js';
import { DEFAULT_BOT_PATTERNS, foldedShas, groupCommits } from './groups.js';

export interface TriageSettings {
  language: Language;
  window: Pick<ReportWindow, 'dateField' | 'timeZone'>;
  /** DEFAULT_BOT_PATTERNS when left out. */
  bots?: readonly string[];
}

export type TriageFields = Required<Pick<RepositoryReport, 'glance' | 'groups' | 'days'>>;

/** What a repository's commits say at a glance, how they fold, and how they fall into days: from the analyses only. */
export function triageOf(commits: readonly AnalyzedCommit[], settings: TriageSettings): TriageFields {
  const groups = groupCommits(commits, settings.bots ?? DEFAULT_BOT_PATTERNS);
  return {
    glance: computeGlance(commits, settings.language, foldedShas(groups)),
    groups,
    days: daySections(commits, settings.window),
  };
}

/** The repository's triage fields, computed when it has none (a report made before they existed, or by hand). */
export function triageFieldsOf(repo: RepositoryReport, settings: TriageSettings): TriageFields {
  const { glance, groups, days } = repo;
  if (glance !== undefined && groups !== undefined && days !== undefined) return { glance, groups, days };
  return triageOf(repo.commits, settings);
}

/**
 * The history around the window, from git: the activity calendar (unless `activity` is false) and, for a window
 * without commits, the day of the newest commit. Both are hints: a failure leaves them out (a cancellation throws).
 */
export async function historyHints(
  repoPath: string,
  readOptions: ReadOptions,
  window: Pick<ReportWindow, 'end' | 'timeZone' | 'dateField'>,
  settings: { activity: boolean; empty: boolean; now?: Date; signal?: AbortSignal },
): Promise<Pick<RepositoryReport, 'activity' | 'lastCommitDay'>> {
  const { signal } = settings;
  const [activity, lastDay] = await Promise.all([
    settings.activity ? readActivityCalendar(repoPath, readOptions, window, settings.now, signal).catch(hint) : undefined,
    settings.empty ? lastCommitDay(repoPath, readOptions, window.dateField, window.timeZone, signal).catch(hint) : undefined,
  ]);
  const hints: Pick<RepositoryReport, 'activity' | 'lastCommitDay'> = {};
  if (activity !== undefined) hints.activity = activity;
  if (lastDay !== undefined) hints.lastCommitDay = lastDay;
  return hints;
}

function hint(error: unknown): undefined {
  if (isDigestError(error) && error.code === 'cancelled') throw error;
  return undefined;
}
