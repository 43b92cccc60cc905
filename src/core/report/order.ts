import { IMPORTANCE_LEVELS } from '../domain/analysis.js';
import type { AnalyzedCommit } from '../domain/report.js';
import type { CommitOrder } from '../domain/triage.js';

const RANK = new Map(IMPORTANCE_LEVELS.map((importance, index) => [importance, index]));

/**
 * The commits in the table's order: `time` keeps theirs (newest first); `importance` puts high before medium before
 * low, newest first within each (a stable sort of the newest-first list).
 */
export function orderCommits<T extends AnalyzedCommit>(commits: readonly T[], order: CommitOrder = 'importance'): T[] {
  if (order === 'time') return [...commits];
  return [...commits].sort((a, b) => RANK.get(a.analysis.importance)! - RANK.get(b.analysis.importance)!);
}
