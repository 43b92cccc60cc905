import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { analyzeCommit, loadRepoRules } from '../../src/core/analyze/index.js';
import { readCommitDiff, readRepository } from '../../src/core/git/index.js';
import type { RepositoryRead } from '../../src/core/git/index.js';
import type { Commit } from '../../src/core/domain/commit.js';
import { resolveWindow } from '../../src/core/time/window.js';
import { FixtureRepo } from '../support/gitFixture.js';

describe('analyzer on a real repository', () => {
  let repo: FixtureRepo;
  let read: RepositoryRead;
  const bySubject = (subject: string): Commit => read.commits.find((commit) => commit.subject === subject)!;

  before(async () => {
    repo = FixtureRepo.create({ prefix: 'dd-analyze-' });
    repo.write('.github/workflows/ci.yml', 'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
    repo.write('src/config.ts', 'export const DEFAULT_RETRIES = 3;\nexport const NAME = "x";\n');
    repo.write('.daily-digest.json', JSON.stringify({ rules: [{ match: { paths: ['src/**'] }, score: 2, reason: 'core code' }] }));
    repo.commit('Initial layout', { date: '2026-01-21T09:00:00Z' });
    repo.write('.github/workflows/ci.yml', 'on: pull_request_target\npermissions:\n  contents: write\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
    repo.commit('Run CI on forks', { date: '2026-01-22T09:00:00Z' });
    repo.write('src/config.ts', 'export const DEFAULT_RETRIES = 5;\nexport const NAME = "x";\n');
    repo.commit('Retry more often', { date: '2026-01-22T10:00:00Z' });
    const window = resolveWindow({ kind: 'day', day: '2026-01-22' }, 'UTC', 'committer');
    read = await readRepository(repo.dir, window, { ref: 'HEAD', dateField: 'committer', merges: 'exclude', authors: [], paths: [] });
  });
  after(() => repo.cleanup());

  const analyze = async (commit: Commit) => {
    const { rules } = await loadRepoRules(read.root);
    return analyzeCommit(commit, {
      language: 'en',
      rules,
      readDiff: (paths, maxBytes) => readCommitDiff(read.root, commit.sha, { paths, maxBytes }),
    });
  };

  it('finds pull_request_target and permissions added to a workflow', async () => {
    const result = await analyze(bySubject('Run CI on forks'));
    assert.equal(result.changeType, 'ci');
    assert.deepEqual(result.insights.security, [
      '.github/workflows/ci.yml gains the pull_request_target trigger.',
      '.github/workflows/ci.yml gains permission settings.',
    ]);
    assert.equal(result.importance, 'medium');
  });

  it('finds a changed default and applies the repository rule', async () => {
    const result = await analyze(bySubject('Retry more often'));
    assert.deepEqual(result.risks, ['Changes default values: DEFAULT_RETRIES (src/config.ts).']);
    assert.ok(result.reasons.includes('core code'));
    assert.equal(result.summary, 'Retry more often. Changes 1 file (+1/−1) in src.');
  });
});
