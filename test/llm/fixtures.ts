import type { Analysis } from '../../src/core/domain/analysis.js';
import type { Commit, FileChange } from '../../src/core/domain/commit.js';
import type { DiffText } from '../../src/core/llm/index.js';

export function makeCommit(overrides: Partial<Commit> = {}): Commit {
  const files: FileChange[] = overrides.files ?? [
    { path: 'src/planner/queue.ts', status: 'M', additions: 12, deletions: 3, binary: false },
    { path: 'package-lock.json', status: 'M', additions: 40, deletions: 38, binary: false },
  ];
  const sha = overrides.sha ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
  return {
    sha,
    shortSha: sha.slice(0, 7),
    parents: ['0000000000000000000000000000000000000001'],
    author: { name: 'Ada', email: 'ada@example.com', date: '2026-01-22T10:00:00+08:00' },
    committer: { name: 'Ada', email: 'ada@example.com', date: '2026-01-22T10:00:00+08:00' },
    subject: 'fix(planner): handle an empty queue',
    body: 'The planner crashed when the queue was empty.',
    trailers: [{ key: 'Reviewed-by', value: 'Bob <bob@example.com>' }],
    ...overrides,
    files,
  };
}

export function makeOffline(overrides: Partial<Analysis> = {}): Analysis {
  return {
    analyzer: 'heuristic',
    changeType: 'fix',
    importance: 'medium',
    score: 42,
    reasons: ['Conventional Commits type fix.'],
    breaking: false,
    summary: 'handle an empty queue',
    scope: [{ module: 'src', files: 1, additions: 12, deletions: 3 }],
    insights: { architecture: [], performance: [], security: [] },
    security: false,
    risks: [],
    recommendations: [],
    notes: [],
    ...overrides,
  };
}

export const SMALL_DIFF = [
  'diff --git a/src/planner/queue.ts b/src/planner/queue.ts',
  'index 1111111..2222222 100644',
  '--- a/src/planner/queue.ts',
  '+++ b/src/planner/queue.ts',
  '@@ -10,3 +10,12 @@ export function next(queue: Item[]) {',
  '+  if (queue.length === 0) return undefined;',
  '   return queue.shift();',
].join('\n');

export function diffReader(text: string = SMALL_DIFF, calls?: { count: number; paths?: string[][] }) {
  return async (_maxBytes: number, paths?: string[]): Promise<DiffText> => {
    if (calls) {
      calls.count += 1;
      (calls.paths ??= []).push(paths ?? []);
    }
    return { text, truncated: false, omittedFiles: [] };
  };
}
