import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCommitDiff, readFileAtCommit, readRepository } from '../../src/core/git/index.js';
import { DigestError } from '../../src/core/errors.js';
import { resolveWindow } from '../../src/core/time/window.js';
import { FixtureRepo } from '../support/gitFixture.js';

const window = resolveWindow({ kind: 'day', day: '2026-01-22' }, 'UTC', 'committer');
const options = { ref: 'HEAD', dateField: 'committer' as const, merges: 'exclude' as const, authors: [], paths: [] };

test('repository config that runs programs (fsmonitor, external diff, pager, textconv, filters, hooks) never runs', async (t) => {
  const repo = FixtureRepo.create();
  const markers = `${repo.dir}-markers`;
  t.after(() => { repo.cleanup(); rmSync(markers, { recursive: true, force: true }); });
  mkdirSync(markers);
  const script = (name: string): string => {
    const path = join(markers, `${name}.sh`);
    writeFileSync(path, `#!/bin/sh\ntouch "${markers}/${name}.ran"\ncat\n`);
    chmodSync(path, 0o755);
    return path;
  };
  repo.write('a.txt', 'one\n').write('.gitattributes', '*.txt diff=conv filter=evil\n')
    .commit('first', { date: '2026-01-22T01:00:00Z' });
  repo.write('a.txt', 'two\n').commit('second', { date: '2026-01-22T02:00:00Z' });
  // Set up after the fixture's own commits, which would otherwise run these.
  repo.git(['config', 'core.fsmonitor', script('fsmonitor')]);
  repo.git(['config', 'diff.external', script('external')]);
  repo.git(['config', 'core.pager', script('pager')]);
  repo.git(['config', 'diff.conv.textconv', script('textconv')]);
  repo.git(['config', 'diff.conv.command', script('diffcommand')]);
  repo.git(['config', 'filter.evil.smudge', script('smudge')]);
  repo.git(['config', 'filter.evil.clean', script('clean')]);
  for (const hook of ['post-checkout', 'pre-commit', 'post-index-change', 'reference-transaction']) {
    const path = join(repo.dir, '.git', 'hooks', hook);
    writeFileSync(path, `#!/bin/sh\ntouch "${markers}/hook-${hook}.ran"\n`);
    chmodSync(path, 0o755);
  }
  // The traps are live: plain git runs them.
  repo.git(['status', '--short']);
  assert.ok(existsSync(join(markers, 'fsmonitor.ran')));
  rmSync(markers, { recursive: true });
  mkdirSync(markers);
  for (const name of ['fsmonitor', 'external', 'pager', 'textconv', 'diffcommand', 'smudge', 'clean']) script(name);
  const before = readdirSync(markers).filter((f) => f.endsWith('.ran'));
  assert.deepEqual(before, [], 'the fixture itself ran nothing');

  const read = await readRepository(repo.dir, window, options);
  assert.equal(read.commits.length, 2);
  const diff = await readCommitDiff(repo.dir, read.commits[0].sha, { maxBytes: 100_000 });
  assert.match(diff.text, /^-one$/m);
  assert.match(diff.text, /^\+two$/m);
  const file = await readFileAtCommit(repo.dir, read.commits[0].sha, 'a.txt');
  assert.equal(file?.toString(), 'two\n');
  assert.deepEqual(readdirSync(markers).filter((f) => f.endsWith('.ran')), []);
});

test('an option-looking ref is refused and writes nothing', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  repo.write('a', '1').commit('one', { date: '2026-01-22T01:00:00Z' });
  const target = `${repo.dir}-output`;
  for (const ref of [`--output=${target}`, `-o${target}`, '--all']) {
    await assert.rejects(readRepository(repo.dir, window, { ...options, ref }),
      (e: unknown) => e instanceof DigestError && e.code === 'unknown-ref' && e.message.includes(ref));
  }
  await assert.rejects(readCommitDiff(repo.dir, `--output=${target}`, { maxBytes: 1000 }),
    (e: unknown) => e instanceof DigestError && e.code === 'unknown-ref');
  await assert.rejects(readFileAtCommit(repo.dir, `--output=${target}`, 'a'),
    (e: unknown) => e instanceof DigestError && e.code === 'unknown-ref');
  assert.equal(existsSync(target), false);
});

test('an abort signal kills the running git and rejects with cancelled', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  repo.write('a', '1').commit('one', { date: '2026-01-22T01:00:00Z' });
  const aborted = new AbortController();
  aborted.abort();
  await assert.rejects(readRepository(repo.dir, window, options, { signal: aborted.signal }),
    (e: unknown) => e instanceof DigestError && e.code === 'cancelled');
  const big = `${'x'.repeat(1000)}\n`.repeat(20_000);
  repo.write('big.txt', big).commit('big', { date: '2026-01-22T02:00:00Z' });
  const later = new AbortController();
  const pending = readCommitDiff(repo.dir, repo.head(), { maxBytes: 1e9, signal: later.signal });
  setTimeout(() => later.abort(), 5);
  await assert.rejects(pending, (e: unknown) => e instanceof DigestError && e.code === 'cancelled');
});
