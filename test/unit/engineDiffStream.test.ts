// The engine's batched diffs (one streaming git log -p) give the same analyses as per-commit git show reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeCommit, loadRepoRules } from '../../src/core/analyze/index.js';
import { ENGINE_TUNING } from '../../src/core/engine/commitAnalysis.js';
import { generateReport } from '../../src/core/engine/generateReport.js';
import { isDigestError } from '../../src/core/errors.js';
import { readCommitDiff, readRepository } from '../../src/core/git/index.js';
import type { Language } from '../../src/core/domain/language.js';
import type { UserRule } from '../../src/core/domain/options.js';
import type { AnalyzedCommit } from '../../src/core/domain/report.js';
import { reportMessage } from '../../src/core/i18n/reportMessages.js';
import { resolveWindow } from '../../src/core/time/window.js';
import { STREAM_DAY, diffStreamRepo } from '../support/diffStreamFixture.js';

const RULES: UserRule[] = [{ match: { paths: ['src/**'] }, score: 1, reason: 'source' }];

// These tests compare the first pass (the streamed diffs) with per-commit reads: the facts pass, which analyses each
// commit again from its blobs, is tested on its own (analyzeFactsGit.test.ts).
ENGINE_TUNING.codeFacts = false;

/** What the engine did before the stream: every read is one readCommitDiff (git show) of the commit. */
async function perCommitAnalyses(
  dir: string,
  language: Language,
  beforeAnalysis?: () => void,
  rules: UserRule[] = RULES,
): Promise<AnalyzedCommit[]> {
  const window = resolveWindow({ kind: 'day', day: STREAM_DAY }, 'UTC', 'committer');
  const read = await readRepository(dir, window, { ref: 'HEAD', dateField: 'committer', merges: 'include', authors: [], paths: [] });
  beforeAnalysis?.();
  const analyzed: AnalyzedCommit[] = [];
  for (const commit of read.commits) {
    let cutAt: number | undefined;
    const analysis = await analyzeCommit(commit, {
      language,
      rules,
      readDiff: async (paths, maxBytes) => {
        const diff = await readCommitDiff(read.root, commit.sha, { maxBytes, paths });
        if (diff.truncated) cutAt = Math.max(cutAt ?? 0, maxBytes);
        return diff;
      },
    });
    if (cutAt !== undefined) analysis.notes = [...analysis.notes, reportMessage(language, 'diffCut', { kb: String(Math.round(cutAt / 1024)) })];
    analyzed.push({ ...commit, analysis });
  }
  return analyzed;
}

test('generateReport analyses equal the per-commit git show analyses (workflows, manifests, defaults, rename, binary, merge, root)', async (t) => {
  const repo = diffStreamRepo();
  t.after(() => repo.cleanup());
  for (const language of ['en', 'zh-CN'] as const) {
    const report = await generateReport({
      repos: [repo.dir], period: { kind: 'day', day: STREAM_DAY }, timeZone: 'UTC', language, merges: 'include', rules: RULES,
    });
    const [repository] = report.repositories;
    assert.equal(repository!.error, undefined);
    const expected = await perCommitAnalyses(repo.dir, language);
    assert.deepEqual(repository!.commits, expected);
    // The fixture really exercises the diff checks.
    const all = repository!.commits.map((commit) => commit.analysis);
    assert.ok(all.some((analysis) => analysis.notes.length > 0), 'a cut diff is noted');
    assert.ok(all.some((analysis) => analysis.risks.length > 0), 'workflow/defaults/bump risks are found');
  }
});

test('generateReport stops with cancelled when the signal fires during the analysis', async (t) => {
  const repo = diffStreamRepo();
  t.after(() => repo.cleanup());
  const controller = new AbortController();
  await assert.rejects(
    generateReport({
      repos: [repo.dir], period: { kind: 'day', day: STREAM_DAY }, timeZone: 'UTC', language: 'en', merges: 'include',
      signal: controller.signal,
      onProgress: (message) => {
        if (message.startsWith('Analyzing')) controller.abort();
      },
    }),
    (error: unknown) => isDigestError(error) && error.code === 'cancelled',
  );
});

test('a blob missing once the read is done: the stream restarts after the commit that needs it, and the analyses equal per-commit reads', async (t) => {
  const repo = diffStreamRepo();
  t.after(() => repo.cleanup());
  repo.write('src/moved.ts', 'export const DEFAULT_MOVED = "unique content";\n').commit('feat: moved', { date: `${STREAM_DAY}T09:01:00Z` });
  repo.write('src/after.ts', 'export const DEFAULT_AFTER = 1;\n').commit('feat: after', { date: `${STREAM_DAY}T09:02:00Z` });
  repo.write('src/after.ts', 'export const DEFAULT_AFTER = 2;\n').commit('fix: after', { date: `${STREAM_DAY}T09:03:00Z` });
  const blob = repo.git(['rev-parse', 'HEAD~2:src/moved.ts']);
  // Deleted between the read and the analysis (as a concurrent gc or a broken alternate could): the read has the
  // commit's files, the diff stream dies at it. (git prints newest first here: the commits before it were streamed.)
  const removeBlob = (): void => unlinkSync(join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
  const report = await generateReport({
    repos: [repo.dir], period: { kind: 'day', day: STREAM_DAY }, timeZone: 'UTC', language: 'en', merges: 'include', rules: RULES,
    onProgress: (message) => {
      if (message.startsWith('Analyzing')) removeBlob();
    },
  });
  const commits = report.repositories[0]!.commits;
  assert.equal(report.repositories[0]!.error, undefined);
  assert.ok(commits.find((commit) => commit.subject === 'feat: moved')!.files.length === 1, 'the read saw the file');
  // The blob is back for the reference read (written again from the work tree), then removed before its analyses.
  repo.git(['hash-object', '-w', 'src/moved.ts']);
  assert.deepEqual(commits, await perCommitAnalyses(repo.dir, 'en', removeBlob));
});

test('streams started while the read goes on, with the repository rules file: the analyses equal per-commit reads', async (t) => {
  const repo = diffStreamRepo();
  const batch = ENGINE_TUNING.streamBatch;
  ENGINE_TUNING.streamBatch = 1;
  t.after(() => {
    ENGINE_TUNING.streamBatch = batch;
    repo.cleanup();
  });
  writeFileSync(join(repo.dir, '.daily-digest.json'), JSON.stringify({
    rules: [{ match: { paths: ['**/*.yml'] }, importance: 'high', reason: 'workflow' }, { match: { message: '^fix' }, changeType: 'chore' }],
  }));
  const repoRules = await loadRepoRules(repo.dir);
  assert.equal(repoRules.error, undefined);
  assert.equal(repoRules.rules.length, 2);
  const report = await generateReport({
    repos: [repo.dir], period: { kind: 'day', day: STREAM_DAY }, timeZone: 'UTC', language: 'en', merges: 'include', rules: RULES,
  });
  assert.equal(report.repositories[0]!.error, undefined);
  assert.deepEqual(report.repositories[0]!.commits, await perCommitAnalyses(repo.dir, 'en', undefined, [...RULES, ...repoRules.rules]));
  assert.ok(report.repositories[0]!.commits.some((commit) => commit.analysis.reasons.includes('workflow')), 'the repository rules applied');
});
