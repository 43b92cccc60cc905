import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCommitDiff, readFileAtCommit } from '../../src/core/git/index.js';
import { FixtureRepo } from '../support/gitFixture.js';

test('readFileAtCommit returns bytes for present files and undefined for absent ones', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  const binary = Buffer.from([0, 255, 10, 13, 0]);
  const first = repo.write('dir/added file é.bin', binary).write('keep.txt', 'k\n').commit('add', { date: '2026-01-22T01:00:00Z' });
  const second = repo.remove('dir/added file é.bin').commit('delete', { date: '2026-01-22T02:00:00Z' });
  assert.deepEqual(await readFileAtCommit(repo.dir, first, 'dir/added file é.bin'), binary);
  assert.equal(await readFileAtCommit(repo.dir, second, 'dir/added file é.bin'), undefined);
  assert.equal(await readFileAtCommit(repo.dir, first, 'never.txt'), undefined);
  assert.equal(await readFileAtCommit(repo.dir, first, 'dir'), undefined, 'a folder is not a file');
  assert.equal((await readFileAtCommit(`${repo.dir}/dir`, second, 'keep.txt'))?.toString(), 'k\n');
});

test('readCommitDiff: whole diff under budget, cut at the budget with the cut and omitted files listed', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  const root = repo.write('a.txt', 'a\n').commit('root', { date: '2026-01-22T01:00:00Z' });
  const rootDiff = await readCommitDiff(repo.dir, root, { maxBytes: 10_000 });
  assert.match(rootDiff.text, /^\+\+\+ b\/a\.txt$/m);
  assert.equal(rootDiff.truncated, false);

  repo.write('a.txt', 'a\nchanged\n')
    .write('b.txt', `${'line\n'.repeat(2000)}`)
    .write('c.txt', 'c\n');
  const sha = repo.commit('three files', { date: '2026-01-22T02:00:00Z' });
  const full = await readCommitDiff(repo.dir, sha, { maxBytes: 1_000_000 });
  assert.equal(full.truncated, false);
  assert.deepEqual(full.omittedFiles, []);
  assert.equal((full.text.match(/^diff --git /gm) ?? []).length, 3);

  const cut = await readCommitDiff(repo.dir, sha, { maxBytes: 600 });
  assert.equal(cut.truncated, true);
  assert.ok(Buffer.byteLength(cut.text) <= 600);
  assert.ok(cut.text.endsWith('\n'));
  assert.deepEqual(cut.omittedFiles, ['b.txt', 'c.txt']);

  const onlyC = await readCommitDiff(repo.dir, sha, { maxBytes: 10_000, paths: ['c.txt'] });
  assert.equal((onlyC.text.match(/^diff --git /gm) ?? []).length, 1);
  assert.match(onlyC.text, /^\+c$/m);
});

test('readCommitDiff of a merge is its diff against the first parent', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  repo.write('base', 'b\n').commit('base', { date: '2026-01-22T01:00:00Z' });
  repo.git(['checkout', '-q', '-b', 'side']);
  repo.write('side.txt', 's\n').commit('side', { date: '2026-01-22T02:00:00Z' });
  repo.git(['checkout', '-q', 'main']);
  repo.write('main.txt', 'm\n').commit('main', { date: '2026-01-22T03:00:00Z' });
  repo.git(['merge', '-q', '--no-ff', '-m', 'merge', 'side']);
  const diff = await readCommitDiff(repo.dir, repo.head(), { maxBytes: 10_000 });
  assert.match(diff.text, /^\+\+\+ b\/side\.txt$/m);
  assert.doesNotMatch(diff.text, /main\.txt/);
});

test('a 20 MB diff read with a small budget stays small', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  repo.write('big.txt', `${'y'.repeat(199)}\n`.repeat(100_000)).commit('big', { date: '2026-01-22T01:00:00Z' });
  const before = process.memoryUsage().rss;
  const diff = await readCommitDiff(repo.dir, repo.head(), { maxBytes: 4096 });
  assert.equal(diff.truncated, true);
  assert.ok(diff.text.length <= 4096);
  assert.deepEqual(diff.omittedFiles, ['big.txt']);
  assert.ok(process.memoryUsage().rss - before < 15 * 1024 * 1024);
});
