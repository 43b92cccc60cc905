import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BlobStore } from '../../src/core/git/blobStore.js';
import { isDigestError } from '../../src/core/errors.js';
import { FixtureRepo } from '../support/gitFixture.js';

test('BlobStore: files at commits from one reader, absent paths, unknown commits, too large, cached', async (t) => {
  const repo = FixtureRepo.create({ prefix: 'dd-blobstore-' });
  t.after(() => repo.cleanup());
  repo.write('src/a.ts', 'one\n').write('src/b.ts', 'bee\n').write('big.txt', 'x'.repeat(5000));
  const first = repo.commit('first', { date: '2026-01-22T10:00:00+08:00' });
  repo.write('src/a.ts', 'one\ntwo\n').remove('src/b.ts');
  const second = repo.commit('second', { date: '2026-01-22T11:00:00+08:00' });

  const store = new BlobStore({ maxBlobBytes: 1000, idleMs: 50 });
  t.after(() => store.close());
  const sides = await Promise.all([
    store.fileAtCommit(repo.dir, first, 'src/a.ts'),
    store.fileAtCommit(repo.dir, second, 'src/a.ts'),
    store.fileAtCommit(repo.dir, first, 'src/b.ts'),
    store.fileAtCommit(repo.dir, second, 'src/b.ts'),
    store.fileAtCommit(repo.dir, second, 'src'),
    store.fileAtCommit(repo.dir, first, 'big.txt'),
  ]);
  assert.deepEqual(sides.map((side) => side.status === 'ok' ? side.bytes.toString() : side.status),
    ['one\n', 'one\ntwo\n', 'bee\n', 'absent', 'absent', 'too-large']);
  assert.equal(sides[5]?.status === 'too-large' && sides[5].size, 5000);

  // The same side again is the cached answer (the same bytes object).
  const again = await store.fileAtCommit(repo.dir, first, 'src/a.ts');
  assert.equal(again, sides[0]);

  await assert.rejects(store.fileAtCommit(repo.dir, '0123456789012345678901234567890123456789', 'src/a.ts'),
    (error: unknown) => isDigestError(error) && error.code === 'unknown-ref');
  await assert.rejects(store.fileAtCommit(repo.dir, 'HEAD', 'src/a.ts'), /HEAD/);

  // After the idle time the reader is closed; the next read opens another.
  await new Promise((resolve) => setTimeout(resolve, 120));
  const later = await store.fileAtCommit(repo.dir, second, 'src/b.ts');
  assert.equal(later.status, 'absent');
  const fresh = await store.fileAtCommit(repo.dir, first, 'big.txt');
  assert.equal(fresh.status, 'too-large');
});
