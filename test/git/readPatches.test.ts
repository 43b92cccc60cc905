// The detailed read prints patches too (readRepository's patchReads): what it keeps of each commit is what the
// separate `git log -p` stream keeps, renamed commits come without it, and the chunking of git's output is irrelevant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { diffRequest } from '../../src/core/analyze/index.js';
import { generateReport } from '../../src/core/engine/generateReport.js';
import { readCommitDiff, readRepository } from '../../src/core/git/index.js';
import { answerCapturedDiff } from '../../src/core/git/capturedDiff.js';
import type { CapturedDiff } from '../../src/core/git/capturedDiff.js';
import { streamCommitDiffs } from '../../src/core/git/diffStream.js';
import type { CommitDiff } from '../../src/core/git/diff.js';
import { PATCH_CONFIG_ARGS, PATCH_PREFIX_ARGS, detailArgs } from '../../src/core/git/logFormat.js';
import { LogParser } from '../../src/core/git/logParser.js';
import type { ParsedCommit } from '../../src/core/git/parsedCommit.js';
import { configArgs } from '../../src/core/git/safety.js';
import type { Commit } from '../../src/core/domain/commit.js';
import type { ReadOptions } from '../../src/core/domain/options.js';
import { resolveWindow } from '../../src/core/time/window.js';
import { STREAM_DAY, diffStreamRepo } from '../support/diffStreamFixture.js';
import { FixtureRepo, isolatedGitEnv } from '../support/gitFixture.js';

const WINDOW = resolveWindow({ kind: 'day', day: STREAM_DAY }, 'UTC', 'committer');
const OPTIONS: ReadOptions = { ref: 'HEAD', dateField: 'committer', merges: 'include', authors: [], paths: [] };

async function readWithPatches(dir: string): Promise<{ root: string; commits: Commit[]; handed: Map<string, CapturedDiff | undefined> }> {
  const handed = new Map<string, CapturedDiff | undefined>();
  const read = await readRepository(dir, WINDOW, { ...OPTIONS }, {
    onCommit: (commit, captured) => {
      assert.equal(handed.has(commit.sha), false, 'each commit is handed over once');
      handed.set(commit.sha, captured);
    },
    patchReads: (commit) => diffRequest(commit),
  });
  return { ...read, handed };
}

/**
 * The capture's answers to the commit's diff reads, each asserted equal to git show's (readCommitDiff); with
 * `every`, each read must be answered.
 */
async function answersLikeGitShow(dir: string, commit: Commit, captured: CapturedDiff, every: boolean): Promise<CommitDiff[]> {
  const answers: CommitDiff[] = [];
  for (const diffRead of diffRequest(commit)) {
    const answer = answerCapturedDiff(captured, diffRead.paths, diffRead.maxBytes);
    if (every) assert.ok(answer, `${commit.subject}: answered`);
    if (!answer) continue;
    assert.deepEqual(answer, await readCommitDiff(dir, commit.sha, { paths: [...diffRead.paths], maxBytes: diffRead.maxBytes }), commit.subject);
    answers.push(answer);
  }
  return answers;
}

test('the read keeps the same sections as the separate patch stream, and nothing for renamed commits', async (t) => {
  const repo = diffStreamRepo();
  t.after(() => repo.cleanup());
  const read = await readWithPatches(repo.dir);
  assert.deepEqual([...read.handed.keys()].sort(), read.commits.map((commit) => commit.sha).sort());

  // The same commits, read without patches: identical commits.
  const plain = await readRepository(repo.dir, WINDOW, { ...OPTIONS });
  assert.deepEqual(read.commits, plain.commits);

  const requests = read.commits
    .map((commit) => ({ sha: commit.sha, reads: diffRequest(commit) }))
    .filter((request) => request.reads.length > 0);
  const streamed = new Map<string, CapturedDiff>();
  await streamCommitDiffs(read.root, requests, { onDiff: (diff) => streamed.set(diff.sha, diff) });

  let compared = 0;
  for (const commit of read.commits) {
    const captured = read.handed.get(commit.sha);
    const reads = diffRequest(commit);
    const paired = commit.files.some((file) => file.status === 'R' || file.status === 'C');
    if (reads.length === 0 || paired) {
      assert.equal(captured, undefined, `${commit.subject}: nothing captured`);
      continue;
    }
    assert.ok(captured, `${commit.subject}: captured`);
    assert.deepEqual(captured, streamed.get(commit.sha), commit.subject);
    // And the answers are git show's.
    await answersLikeGitShow(repo.dir, commit, captured, false);
    compared += 1;
  }
  assert.ok(compared >= 8, `compared ${compared} commits`);
  assert.ok(read.commits.some((commit) => commit.files.some((file) => file.status === 'R')), 'the fixture has a rename');
});

test('the log parser keeps the same commits and sections whatever the chunk boundaries of a patch log', async (t) => {
  const repo = diffStreamRepo();
  t.after(() => repo.cleanup());
  const read = await readRepository(repo.dir, WINDOW, { ...OPTIONS });
  const shas = `${read.commits.map((commit) => commit.sha).join('\n')}\n`;
  const log = (patch: boolean): Buffer => execFileSync('git', [
    ...configArgs(), ...PATCH_CONFIG_ARGS, 'log', '--no-walk=unsorted', '--stdin',
    ...detailArgs(['--diff-merges=first-parent']), ...(patch ? ['--patch', ...PATCH_PREFIX_ARGS] : []),
  ], { cwd: read.root, env: isolatedGitEnv(), input: shas, maxBuffer: 64 * 1024 * 1024 });
  const withPatches = log(true);
  const withoutPatches = log(false);
  assert.ok(withPatches.length > withoutPatches.length * 2, 'the patches are printed');

  const parse = (output: Buffer, sizes: () => number, patches: boolean): { parsed: ParsedCommit[]; captured: (CapturedDiff | undefined)[] } => {
    const parsed: ParsedCommit[] = [];
    const captured: (CapturedDiff | undefined)[] = [];
    const parser = new LogParser((commit, diff) => {
      parsed.push(commit);
      captured.push(diff);
    }, patches ? (commit) => diffRequest(commit) : undefined);
    for (let pos = 0; pos < output.length;) {
      const size = Math.max(1, sizes());
      parser.push(output.subarray(pos, pos + size));
      pos += size;
    }
    parser.end();
    return { parsed, captured };
  };
  const reference = parse(withoutPatches, () => withoutPatches.length, false);
  const whole = parse(withPatches, () => withPatches.length, true);
  assert.deepEqual(whole.parsed, reference.parsed);
  assert.ok(whole.captured.filter(Boolean).length >= 8);
  let seed = 11;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (const sizes of [() => 1, () => 2, () => 13, () => 1 + Math.floor(random() * 40), () => 1 + Math.floor(random() * 70_000)]) {
    assert.deepEqual(parse(withPatches, sizes, true), whole);
  }
});

test('a commit message with control bytes, and a patch line with NUL and \\x01 bytes, do not cut a patch', async (t) => {
  const repo = FixtureRepo.create({ prefix: 'dd-readpatches-' });
  t.after(() => repo.cleanup());
  const date = { date: `${STREAM_DAY}T09:00:00Z` };
  repo.write('src/a.ts', 'export const DEFAULT_A = 1;\n').commit('feat: a', date);
  // NUL and \x01 inside a text file's lines (past the first 8000 bytes, so git still diffs it as text).
  const padding = 'x'.repeat(9000);
  repo.write('src/a.ts', `${padding}\nexport const DEFAULT_A = 2;\n\u0001\u0000line\n\n\u0001${padding}\n`)
    .commit('fix: a\n\n\u0001body line\n\u0001', { date: `${STREAM_DAY}T09:01:00Z` });
  repo.write('src/b.ts', 'export const DEFAULT_B = 1;\n').commit('feat: b', { date: `${STREAM_DAY}T09:02:00Z` });
  const read = await readWithPatches(repo.dir);
  assert.deepEqual(read.commits.map((commit) => commit.subject), ['feat: b', 'fix: a', 'feat: a']);
  for (const commit of read.commits) {
    const captured = read.handed.get(commit.sha);
    assert.ok(captured, commit.subject);
    await answersLikeGitShow(repo.dir, commit, captured, true);
  }
  const fix = read.commits[1]!;
  assert.equal(fix.body, '\u0001body line\n\u0001');
});

test('a repository whose config changes patch prefixes (noprefix, mnemonicPrefix) is captured and answered alike', async (t) => {
  const repo = diffStreamRepo();
  t.after(() => repo.cleanup());
  const plain = await readWithPatches(repo.dir);
  repo.git(['config', 'diff.noprefix', 'true']);
  repo.git(['config', 'diff.mnemonicPrefix', 'true']);
  const configured = await readWithPatches(repo.dir);
  assert.deepEqual(configured.commits, plain.commits);
  assert.deepEqual([...configured.handed], [...plain.handed]);
  let answered = 0;
  for (const commit of configured.commits) {
    const captured = configured.handed.get(commit.sha);
    if (!captured) continue;
    for (const answer of await answersLikeGitShow(repo.dir, commit, captured, false)) {
      assert.match(answer.text, /^diff --git "?a\//);
      answered += 1;
    }
  }
  assert.ok(answered >= 8, `answered ${answered}`);
});

test('a SHA-256 repository: 64-digit commits are captured, answered as git show answers, and analysed from the capture', async (t) => {
  const repo = FixtureRepo.create({ prefix: 'dd-readpatches-sha256-', objectFormat: 'sha256' });
  t.after(() => repo.cleanup());
  repo.write('src/a.ts', 'export const DEFAULT_A = 1;\n').write('.github/workflows/ci.yml', 'on: push\n')
    .commit('feat: a', { date: `${STREAM_DAY}T09:00:00Z` });
  repo.write('src/a.ts', 'export const DEFAULT_A = 2;\n')
    .write('.github/workflows/ci.yml', 'on: pull_request_target\npermissions:\n  contents: write\n')
    .commit('fix: b', { date: `${STREAM_DAY}T10:00:00Z` });
  const read = await readWithPatches(repo.dir);
  assert.deepEqual(read.commits.map((commit) => commit.sha.length), [64, 64]);
  for (const commit of read.commits) {
    const captured = read.handed.get(commit.sha);
    assert.ok(captured, commit.subject);
    await answersLikeGitShow(repo.dir, commit, captured, true);
  }
  const report = await generateReport({ repos: [repo.dir], period: { kind: 'day', day: STREAM_DAY }, timeZone: 'UTC', language: 'en' });
  const fix = report.repositories[0]!.commits[0]!;
  assert.equal(fix.subject, 'fix: b');
  assert.ok(fix.analysis.risks.some((risk) => risk.includes('pull_request_target')), fix.analysis.risks.join(' | '));
  assert.ok(fix.analysis.risks.some((risk) => risk.includes('DEFAULT_A')), fix.analysis.risks.join(' | '));
});
