// The streaming diff source answers the offline analyzer's reads exactly as per-commit readCommitDiff does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { diffRequest } from '../../src/core/analyze/index.js';
import { isDigestError } from '../../src/core/errors.js';
import { readCommitDiff, readRepository } from '../../src/core/git/index.js';
import { answerCapturedDiff } from '../../src/core/git/capturedDiff.js';
import type { CapturedDiff, DiffStreamRequest } from '../../src/core/git/capturedDiff.js';
import { DIFF_STREAM_ARGS, streamCommitDiffs } from '../../src/core/git/diffStream.js';
import { PatchStreamParser, headerPath } from '../../src/core/git/patchParser.js';
import { configArgs } from '../../src/core/git/safety.js';
import type { Commit } from '../../src/core/domain/commit.js';
import { resolveWindow } from '../../src/core/time/window.js';
import { STREAM_DAY, diffStreamRepo } from '../support/diffStreamFixture.js';
import { isolatedGitEnv } from '../support/gitFixture.js';

async function readFixture(dir: string): Promise<{ root: string; commits: Commit[] }> {
  const window = resolveWindow({ kind: 'day', day: STREAM_DAY }, 'UTC', 'committer');
  return readRepository(dir, window, { ref: 'HEAD', dateField: 'committer', merges: 'include', authors: [], paths: [] });
}

function requestsOf(commits: readonly Commit[]): DiffStreamRequest[] {
  return commits.map((commit) => ({ sha: commit.sha, reads: diffRequest(commit) })).filter((request) => request.reads.length > 0);
}

test('streamed answers equal readCommitDiff for every read the analyzer makes, and for cut budgets', async (t) => {
  const repo = diffStreamRepo();
  t.after(() => repo.cleanup());
  const read = await readFixture(repo.dir);
  assert.ok(read.commits.length >= 15, 'the whole fixture day is read');
  assert.ok(read.commits.some((commit) => commit.parents.length === 2), 'a merge');
  assert.ok(read.commits.some((commit) => commit.parents.length === 0), 'a root commit');
  assert.ok(read.commits.some((commit) => commit.files.some((file) => file.status === 'R')), 'a rename');

  const requests = requestsOf(read.commits);
  const captured = new Map<string, CapturedDiff>();
  const order: string[] = [];
  await streamCommitDiffs(read.root, requests, {
    onDiff: (diff) => {
      captured.set(diff.sha, diff);
      order.push(diff.sha);
    },
  });
  assert.deepEqual(order, requests.map((request) => request.sha), 'every commit once, in request order');

  const subjects = new Map(read.commits.map((commit) => [commit.sha, commit.subject]));
  const fallbacks = new Set<string>();
  let answered = 0;
  let answeredCut = 0;
  for (const request of requests) {
    const diff = captured.get(request.sha)!;
    const allPaths = [...new Set(request.reads.flatMap((r) => r.paths))];
    const probes = [
      ...request.reads,
      ...request.reads.flatMap((r) => [0, 1, 100, 700, 5000].map((maxBytes) => ({ paths: r.paths, maxBytes }))),
      { paths: allPaths, maxBytes: 64 * 1024 },
      ...allPaths.map((path) => ({ paths: [path], maxBytes: 32 * 1024 })),
    ];
    for (const probe of probes) {
      const expected = await readCommitDiff(read.root, request.sha, { maxBytes: probe.maxBytes, paths: [...probe.paths] });
      const answer = answerCapturedDiff(diff, probe.paths, probe.maxBytes);
      const label = `${subjects.get(request.sha)} ${JSON.stringify(probe)}`;
      if (answer === undefined) {
        // Only reads beyond what the stream kept may go unanswered, apart from the commits that must fall back.
        if (request.reads.some((r) => r.maxBytes === probe.maxBytes && r.paths === probe.paths)) fallbacks.add(subjects.get(request.sha)!);
        continue;
      }
      assert.deepEqual(answer, expected, label);
      answered += 1;
      if (answer.truncated) answeredCut += 1;
    }
  }
  assert.deepEqual([...fallbacks], ['refactor: link, folder to file, bracket name'], 'a type change, a folder replaced by a file and glob characters fall back');
  assert.ok(answered > 100, `answered ${answered}`);
  assert.ok(answeredCut > 10, `answered ${answeredCut} cut reads`);

  // The analyzer's own budget cuts the large defaults diff, with the file after the cut omitted.
  const longer = read.commits.find((commit) => commit.subject === 'feat: longer timeout')!;
  const defaultsRead = diffRequest(longer).at(-1)!;
  const cut = answerCapturedDiff(captured.get(longer.sha)!, defaultsRead.paths, defaultsRead.maxBytes)!;
  assert.equal(cut.truncated, true);
  assert.deepEqual(cut.omittedFiles, ['src/aaa-big.ts', 'src/config.ts', 'src/zzz.ts']);
});

test('the patch parser gives the same captures whatever the chunk boundaries', async (t) => {
  const repo = diffStreamRepo();
  t.after(() => repo.cleanup());
  const read = await readFixture(repo.dir);
  const requests = requestsOf(read.commits);
  const output = execFileSync('git', [...configArgs(), ...DIFF_STREAM_ARGS], {
    cwd: read.root,
    env: isolatedGitEnv(),
    input: `${requests.map((request) => request.sha).join('\n')}\n`,
    maxBuffer: 64 * 1024 * 1024,
  });
  const parse = (sizes: () => number): CapturedDiff[] => {
    const diffs: CapturedDiff[] = [];
    const parser = new PatchStreamParser(requests, (diff) => diffs.push(diff));
    for (let pos = 0; pos < output.length;) {
      const size = Math.max(1, sizes());
      parser.push(output.subarray(pos, pos + size));
      pos += size;
    }
    parser.end();
    return diffs;
  };
  const whole = parse(() => output.length);
  assert.equal(whole.length, requests.length);
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (const sizes of [() => 1, () => 2, () => 11, () => 1 + Math.floor(random() * 40), () => 1 + Math.floor(random() * 70_000)]) {
    assert.deepEqual(parse(sizes), whole);
  }
});

test('headerPath reads plain and C-quoted headers and refuses what it cannot pair', () => {
  const path = (text: string): string | undefined => headerPath(Buffer.from(text, 'latin1'))?.path;
  assert.equal(path('a/src/a b.ts b/src/a b.ts'), 'src/a b.ts');
  assert.equal(path('"a/caf\\303\\251 \\"q\\"\\t.ts" "b/caf\\303\\251 \\"q\\"\\t.ts"'), 'café "q"\t.ts');
  assert.equal(path('a/one.ts b/two.ts'), undefined, 'a rename header (never asked for) is not guessed');
  assert.equal(path('x/one.ts y/one.ts'), undefined, 'other prefixes are not guessed');
  assert.equal(headerPath(Buffer.from('"a/\\377" "b/\\377"', 'latin1'))?.uncertain, true, 'not UTF-8');
});

test('streamCommitDiffs refuses a SHA that is not hex and fails on an unknown commit', async (t) => {
  const repo = diffStreamRepo();
  t.after(() => repo.cleanup());
  await assert.rejects(streamCommitDiffs(repo.dir, [{ sha: '--output=x', reads: [] }], { onDiff: () => undefined }));
  await assert.rejects(streamCommitDiffs(repo.dir, [{ sha: 'f'.repeat(40), reads: [{ paths: ['a'], maxBytes: 10 }] }], { onDiff: () => undefined }));
});

test('a missing blob stops the stream at the commit that needs it; the commits before it are whole', async (t) => {
  const repo = diffStreamRepo();
  t.after(() => repo.cleanup());
  const read = await readFixture(repo.dir);
  const requests = requestsOf(read.commits);
  const bump = read.commits.find((commit) => commit.subject === 'build(deps): bump react and serde')!;
  const blob = repo.git(['rev-parse', `${bump.sha}:Cargo.toml`]);
  unlinkSync(join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
  const delivered: CapturedDiff[] = [];
  await assert.rejects(
    streamCommitDiffs(read.root, requests, { onDiff: (diff) => delivered.push(diff) }),
    (error: unknown) => isDigestError(error) && error.code === 'missing-objects',
  );
  const at = requests.findIndex((request) => request.sha === bump.sha);
  assert.deepEqual(delivered.map((diff) => diff.sha), requests.slice(0, at).map((request) => request.sha));
  for (const diff of delivered) {
    const request = requests.find((r) => r.sha === diff.sha)!;
    for (const r of request.reads) {
      const answer = answerCapturedDiff(diff, r.paths, r.maxBytes);
      if (answer) assert.deepEqual(answer, await readCommitDiff(read.root, diff.sha, { maxBytes: r.maxBytes, paths: [...r.paths] }));
    }
  }
});
