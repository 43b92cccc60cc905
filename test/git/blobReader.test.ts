import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BlobReadError, BlobReader, decodeBlobText } from '../../src/core/git/blobReader.js';
import { locateRepository } from '../../src/core/git/repository.js';
import { FixtureRepo } from '../support/gitFixture.js';

function buildRepo(): { repo: FixtureRepo; first: string; second: string } {
  const repo = FixtureRepo.create({ prefix: 'dd-blobs-' });
  repo
    .write('src/lib.rs', 'pub fn one() -> u8 { 1 }\n')
    .write('dir with space/é.txt', 'accent\n')
    .write('image.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0, 10]))
    .write('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))
    .write('big.txt', 'x'.repeat(300_000));
  const first = repo.commit('first', { date: '2026-01-22T10:00:00+08:00' });
  repo.write('src/lib.rs', 'pub fn one() -> u8 { 1 }\npub fn two() -> u8 { 2 }\n').remove('big.txt');
  const second = repo.commit('second', { date: '2026-01-22T11:00:00+08:00' });
  return { repo, first, second };
}

for (const legacyBatch of [false, true]) {
  const mode = legacyBatch ? '--batch' : '--batch-command';
  test(`BlobReader (${mode}): blobs by rev:path and id, missing, not a blob, too large, binary, in order`, async (t) => {
    const { repo, first, second } = buildRepo();
    t.after(() => repo.cleanup());
    const reader = await BlobReader.open(repo.dir, { maxBlobBytes: 100_000, legacyBatch });
    t.after(() => reader.close());
    // Asked all at once: the answers come back in order, each to its own ask.
    const [before, after, spaced, image, gone, tree, big, small, unknownRev] = await Promise.all([
      reader.read(`${first}:src/lib.rs`),
      reader.read(`${second}:src/lib.rs`),
      reader.read(`${first}:dir with space/é.txt`),
      reader.read(`${first}:image.bin`),
      reader.read(`${second}:big.txt`),
      reader.read(`${first}:src`),
      reader.read(`${first}:big.txt`),
      reader.read(`${first}:latin1.txt`),
      reader.read('0123456789012345678901234567890123456789:nothing'),
    ]);
    assert.equal(before.status === 'ok' && before.bytes.toString(), 'pub fn one() -> u8 { 1 }\n');
    assert.equal(after.status === 'ok' && after.bytes.toString(), 'pub fn one() -> u8 { 1 }\npub fn two() -> u8 { 2 }\n');
    assert.equal(spaced.status === 'ok' && spaced.bytes.toString(), 'accent\n');
    assert.ok(image.status === 'ok' && image.binary && image.size === 9);
    assert.deepEqual(gone, { status: 'missing', spec: `${second}:big.txt` });
    assert.equal(tree.status, 'not-blob');
    assert.ok(big.status === 'too-large' && big.size === 300_000);
    assert.ok(small.status === 'ok' && !small.binary);
    assert.equal(unknownRev.status, 'missing');
    // By id, and still working after a skipped large blob.
    const id = repo.git(['rev-parse', `${second}:src/lib.rs`]);
    const byId = await reader.read(id);
    assert.ok(byId.status === 'ok' && byId.id === id && byId.bytes.toString().includes('two'));
  });
}

test('BlobReader: a spec with a newline is refused; reads after close() and after git dies fail at once', async (t) => {
  const { repo, first } = buildRepo();
  t.after(() => repo.cleanup());
  const location = await locateRepository(repo.dir);
  const reader = new BlobReader({ gitDir: location.gitDir });
  await assert.rejects(reader.read(`${first}:src/lib.rs\n${first}:big.txt`), (error: unknown) =>
    error instanceof BlobReadError && error.code === 'bad-spec' && !error.message.includes('\n'));
  assert.equal((await reader.read(`${first}:src/lib.rs`)).status, 'ok');
  reader.close();
  await assert.rejects(reader.read(`${first}:src/lib.rs`), (error: unknown) => error instanceof BlobReadError && error.code === 'closed');

  // git killed under a waiting read: the read fails, it does not hang.
  const dying = new BlobReader({ gitDir: location.gitDir });
  await dying.read(`${first}:src/lib.rs`);
  const child = (dying as unknown as { child: { kill(signal: string): void } }).child;
  const waiting = dying.read(`${first}:dir with space/é.txt`);
  child.kill('SIGKILL');
  const outcome = await waiting.then(() => 'answered', (error: unknown) => (error instanceof BlobReadError ? error.code : 'other'));
  // The answer may have arrived before the kill; if not, the read failed as git-exited.
  assert.ok(outcome === 'answered' || outcome === 'git-exited', outcome);
  await assert.rejects(dying.read(`${first}:src/lib.rs`), (error: unknown) => error instanceof BlobReadError && error.code === 'git-exited');
});

test('BlobReader: a wrong git dir fails the read with a one-line error, and an aborted signal cancels', async () => {
  const reader = new BlobReader({ gitDir: '/nonexistent/dd-blob-reader' });
  await assert.rejects(reader.read('HEAD:x'), (error: unknown) => error instanceof BlobReadError && error.code === 'git-exited' && !/\n/.test(error.message));
  const controller = new AbortController();
  controller.abort();
  const cancelled = new BlobReader({ gitDir: '/tmp', signal: controller.signal });
  await assert.rejects(cancelled.read('HEAD:x'), /Cancelled/);
});

test('decodeBlobText: UTF-8 text (BOM dropped), binary, not UTF-8', () => {
  assert.deepEqual(decodeBlobText(Buffer.from('\ufeffhé\n')), { text: 'hé\n' });
  assert.deepEqual(decodeBlobText(Buffer.from([0x61, 0, 0x62])), { reason: 'binary' });
  assert.deepEqual(decodeBlobText(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])), { reason: 'not-utf8' });
});
