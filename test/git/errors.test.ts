import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, realpathSync, readdirSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRepository } from '../../src/core/git/index.js';
import { DigestError } from '../../src/core/errors.js';
import { resolveWindow } from '../../src/core/time/window.js';
import { FixtureRepo } from '../support/gitFixture.js';

const window = resolveWindow({ kind: 'day', day: '2026-01-22' }, 'UTC', 'committer');
const options = { ref: 'HEAD', dateField: 'committer' as const, merges: 'exclude' as const, authors: [], paths: [] };

function isError(code: string, message: string) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof DigestError, String(e));
    assert.equal(e.code, code);
    assert.equal(e.message, message);
    assert.doesNotMatch(e.format('zh-CN'), /\n/);
    return true;
  };
}

test('a folder that is not a repository', async (t) => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'dd-plain-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await assert.rejects(readRepository(dir, window, options),
    isError('not-a-repo', `${dir} is not a git repository: open a folder inside a work tree, or a bare repository.`));
  await assert.rejects(readRepository(join(dir, 'missing'), window, options),
    isError('no-such-path', `${join(dir, 'missing')} does not exist.`));
});

test('an empty repository (unborn HEAD)', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  await assert.rejects(readRepository(repo.dir, window, options),
    isError('empty-repo', `${repo.dir} has no commits yet: commit something first, or pick another repository.`));
});

test('an unknown ref', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  repo.write('a', '1').commit('one', { date: '2026-01-22T01:00:00Z' });
  await assert.rejects(readRepository(repo.dir, window, { ...options, ref: 'no-such-branch' }),
    isError('unknown-ref', 'Unknown ref "no-such-branch": fetch it, or pick an existing branch, tag or commit.'));
});

test('missing objects', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  repo.write('a', '1').commit('one', { date: '2026-01-21T01:00:00Z' });
  const parent = repo.write('a', '2').commit('two', { date: '2026-01-22T01:00:00Z' });
  repo.write('a', '3').commit('three', { date: '2026-01-22T02:00:00Z' });
  const objects = join(repo.dir, '.git', 'objects', parent.slice(0, 2));
  for (const file of readdirSync(objects)) if (parent.endsWith(file)) unlinkSync(join(objects, file));
  await assert.rejects(readRepository(repo.dir, window, options), (e: unknown) => {
    assert.ok(e instanceof DigestError);
    assert.equal(e.code, 'missing-objects');
    assert.match(e.message, /^Git objects are missing \(.+\): the clone is partial or broken; run git fetch to fill it\.$/);
    return true;
  });
});

