// The walk index: a run that reuses it must select exactly what a full walk selects, whatever happened to the ref
// in between (new commits with skewed dates, a rewritten branch, a pruned tip, a corrupt file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readRepository } from '../../src/core/git/index.js';
import { selectionArgs, pathspecArgs } from '../../src/core/git/filters.js';
import { openWalkIndex, selectCommits } from '../../src/core/git/walk.js';
import type { WalkSelection } from '../../src/core/git/walk.js';
import { entriesInWindow, mergeRecords, RecordCollector } from '../../src/core/git/walkIndex.js';
import type { WalkEntry } from '../../src/core/git/walkIndex.js';
import type { ReadOptions } from '../../src/core/domain/options.js';
import type { DateField } from '../../src/core/domain/report.js';
import { resolveWindow } from '../../src/core/time/window.js';
import { FixtureRepo } from '../support/gitFixture.js';

const opts = (over: Partial<ReadOptions> = {}): ReadOptions => ({
  ref: 'HEAD', dateField: 'committer', merges: 'exclude', authors: [], paths: [], ...over,
});
const day = (date: string, field: DateField = 'committer') => resolveWindow({ kind: 'day', day: date }, 'UTC', field);
const shas = (commits: { sha: string }[]): string[] => commits.map((c) => c.sha);

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-walk-index-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function indexFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.walk')) : [];
}

const entry = (time: number, fill: string): WalkEntry => ({ time, sha: fill.repeat(40) });

/** The reference packing: a stable sort, newest first, then time (float64, big endian) and raw hash per record. */
function packEntries(entries: WalkEntry[], hashBytes: number): Buffer {
  const sorted = [...entries].sort((a, b) => b.time - a.time);
  const records = Buffer.alloc(sorted.length * (8 + hashBytes));
  sorted.forEach((e, i) => {
    records.writeDoubleBE(e.time, i * (8 + hashBytes));
    records.write(e.sha, i * (8 + hashBytes) + 8, hashBytes, 'hex');
  });
  return records;
}

test('records are newest first with walk order on equal dates; entriesInWindow is half-open', () => {
  const records = packEntries([entry(10, 'a'), entry(30, 'b'), entry(20, 'c'), entry(30, 'd'), entry(20, 'e')], 20);
  const index = { tip: 'f'.repeat(40), records, hashBytes: 20 };
  assert.deepEqual(entriesInWindow(index, 0, 100).map((e) => e.sha[0]), ['b', 'd', 'c', 'e', 'a']);
  assert.deepEqual(entriesInWindow(index, 20, 30).map((e) => e.sha[0]), ['c', 'e']);
  assert.deepEqual(entriesInWindow(index, 11, 20), []);
  assert.deepEqual(entriesInWindow(index, 31, 40), []);
  assert.deepEqual(entriesInWindow({ ...index, records: Buffer.alloc(0) }, 0, 100), []);
});

test('RecordCollector reads lines split anywhere, skips malformed ones and packs like packEntries', () => {
  const entries = [entry(10, 'a'), entry(30, 'b'), entry(20, 'c'), entry(30, 'd'), entry(1700000000, 'e')];
  const text = `${entries.map((e) => `${e.time} ${e.sha}`).join('\n')}\nnot a line\n12 zz${'0'.repeat(38)}\n5 ${'f'.repeat(39)}\n`;
  const expected = packEntries(entries, 20);
  for (const size of [1, 3, 7, 41, 1000]) {
    const collector = new RecordCollector(20);
    const bytes = Buffer.from(text, 'latin1');
    for (let i = 0; i < bytes.length; i += size) collector.push(bytes.subarray(i, i + size));
    assert.deepEqual(collector.end(), expected, `chunks of ${size}`);
  }
  const unterminated = new RecordCollector(20);
  unterminated.push(Buffer.from(`7 ${'9'.repeat(40)}`));
  assert.deepEqual(unterminated.end(), packEntries([entry(7, '9')], 20));
});

test('mergeRecords puts new commits first on equal dates and never duplicates one listed again', () => {
  const index = { tip: 'f'.repeat(40), records: packEntries([entry(30, 'b'), entry(20, 'c'), entry(10, 'a')], 20), hashBytes: 20 };
  const merged = { ...index, records: mergeRecords(index, packEntries([entry(20, 'd'), entry(40, 'e'), entry(20, 'c'), entry(5, '9')], 20)) };
  assert.deepEqual(entriesInWindow(merged, 0, 100).map((e) => e.sha[0]), ['e', 'b', 'd', 'c', 'a', '9']);
});

test('a reused index answers like a full walk after new commits with out-of-order dates, and is updated', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  const cache = tempDir(t);
  repo.write('a', '1').commit('base', { date: '2026-01-01T10:00:00Z' });
  repo.write('a', '2').commit('day one', { date: '2026-01-22T09:00:00Z' });
  const first = await readRepository(repo.dir, day('2026-01-22'), opts(), { walkIndexDir: cache });
  assert.deepEqual(first.commits.map((c) => c.subject), ['day one']);
  assert.equal(indexFiles(cache).length, 1);

  repo.write('a', '3').commit('back-dated into the day', { date: '2026-01-22T08:00:00Z' });
  repo.write('a', '4').commit('old-dated tip', { date: '2025-06-01T10:00:00Z' });
  const tip = repo.head();
  for (const window of [day('2026-01-22'), day('2025-06-01'), day('2026-01-01')]) {
    const indexed = await readRepository(repo.dir, window, opts(), { walkIndexDir: cache });
    const full = await readRepository(repo.dir, window, opts());
    assert.deepEqual(shas(indexed.commits), shas(full.commits));
  }
  assert.deepEqual(
    (await readRepository(repo.dir, day('2026-01-22'), opts(), { walkIndexDir: cache })).commits.map((c) => c.subject),
    ['day one', 'back-dated into the day'],
  );
  const [file] = indexFiles(cache);
  assert.ok(readFileSync(join(cache, file!)).toString('latin1').includes(tip), 'the index now names the new tip');
});

test('a rewritten branch, a pruned indexed tip and a corrupt index all fall back to a full walk', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  const cache = tempDir(t);
  repo.write('a', '1').commit('base', { date: '2026-01-22T01:00:00Z' });
  repo.write('a', '2').commit('dropped later', { date: '2026-01-22T02:00:00Z' });
  await readRepository(repo.dir, day('2026-01-22'), opts(), { walkIndexDir: cache });
  repo.git(['reset', '-q', '--hard', 'HEAD~1']);
  repo.write('a', '3').commit('replacement', { date: '2026-01-22T03:00:00Z' });
  const rewritten = await readRepository(repo.dir, day('2026-01-22'), opts(), { walkIndexDir: cache });
  assert.deepEqual(rewritten.commits.map((c) => c.subject), ['replacement', 'base']);

  const [file] = indexFiles(cache);
  const path = join(cache, file!);
  const text = readFileSync(path);
  const newline = text.indexOf(0x0a);
  const header = JSON.parse(text.subarray(0, newline).toString('utf8')) as { tip: string };
  writeFileSync(path, Buffer.concat([
    Buffer.from(`${JSON.stringify({ ...header, tip: '1'.repeat(40) })}\n`), text.subarray(newline + 1),
  ]));
  const pruned = await readRepository(repo.dir, day('2026-01-22'), opts(), { walkIndexDir: cache });
  assert.deepEqual(pruned.commits.map((c) => c.subject), ['replacement', 'base']);

  writeFileSync(path, 'not an index');
  const corrupt = await readRepository(repo.dir, day('2026-01-22'), opts(), { walkIndexDir: cache });
  assert.deepEqual(corrupt.commits.map((c) => c.subject), ['replacement', 'base']);
  assert.notEqual(readFileSync(path, 'latin1'), 'not an index', 'the corrupt index is rewritten');
});

test('filters, the author date and another ref each get their own index; first-parent and shallow get none', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  const cache = tempDir(t);
  const bob = { name: 'Bob', email: 'bob@example.com' };
  repo.write('docs/a.md', '1').commit('docs by ada', { date: '2026-01-22T01:00:00Z', authorDate: '2026-01-20T01:00:00Z' });
  repo.write('src/b.ts', '1').commit('code by bob', { date: '2026-01-22T02:00:00Z', author: bob });
  const variants: ReadOptions[] = [
    opts(), opts({ authors: ['bob'] }), opts({ paths: ['docs/**'] }), opts({ dateField: 'author' }), opts({ merges: 'include' }),
  ];
  for (const variant of variants) {
    for (let run = 0; run < 2; run++) {
      const indexed = await readRepository(repo.dir, day('2026-01-22', variant.dateField), variant, { walkIndexDir: cache });
      const full = await readRepository(repo.dir, day('2026-01-22', variant.dateField), variant);
      assert.deepEqual(shas(indexed.commits), shas(full.commits), JSON.stringify(variant));
    }
  }
  assert.equal(indexFiles(cache).length, variants.length);
  await readRepository(repo.dir, day('2026-01-22'), opts({ ref: 'main~1' }), { walkIndexDir: cache });
  assert.equal(indexFiles(cache).length, variants.length + 1);
  await readRepository(repo.dir, day('2026-01-22'), opts({ merges: 'first-parent' }), { walkIndexDir: cache });
  assert.equal(indexFiles(cache).length, variants.length + 1, 'no index for --first-parent');

  const shallowDir = join(tempDir(t), 'shallow');
  repo.git(['clone', '-q', '--no-local', '--depth', '1', `file://${repo.dir}`, shallowDir]);
  const shallowCache = tempDir(t);
  const shallow = await readRepository(shallowDir, day('2026-01-22'), opts(), { walkIndexDir: shallowCache });
  assert.deepEqual(shallow.commits.map((c) => c.subject), ['code by bob']);
  assert.deepEqual(indexFiles(shallowCache), [], 'no index for a shallow clone');
});

// Random histories built with `git commit-tree` (empty trees, fixed dates), a random later state of the branch
// (grown, rewound or replaced), random windows: the indexed selection always equals a full walk.
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const BASE_SECONDS = Date.parse('2026-01-10T00:00:00Z') / 1000;

interface Step {
  parents: number[];
  dayOffset: number;
  authorDayOffset: number;
  bob: boolean;
}

const stepArb = fc.record({
  parents: fc.array(fc.nat(40), { minLength: 1, maxLength: 2 }),
  dayOffset: fc.integer({ min: 0, max: 6 }),
  authorDayOffset: fc.integer({ min: 0, max: 6 }),
  bob: fc.boolean(),
});

function buildCommits(repo: FixtureRepo, steps: Step[], made: string[]): void {
  for (const step of steps) {
    const parents = made.length === 0 ? [] : [...new Set(step.parents.map((p) => made[p % made.length]!))];
    const committer = BASE_SECONDS + step.dayOffset * 86400 + made.length * 60;
    const author = BASE_SECONDS + step.authorDayOffset * 86400 + made.length * 60;
    const name = step.bob ? 'Bob' : 'Ada';
    made.push(repo.git(['commit-tree', EMPTY_TREE, ...parents.flatMap((p) => ['-p', p]), '-m', `c${made.length}`], {
      GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: `${name.toLowerCase()}@example.com`, GIT_AUTHOR_DATE: `@${author} +0000`,
      GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: `${name.toLowerCase()}@example.com`, GIT_COMMITTER_DATE: `@${committer} +0000`,
    }));
  }
}

test('property: an index reused after the branch grew, rewound or was replaced selects what a full walk selects', async (t) => {
  const cache = tempDir(t);
  await fc.assert(
    fc.asyncProperty(
      fc.array(stepArb, { minLength: 1, maxLength: 12 }),
      fc.array(stepArb, { minLength: 0, maxLength: 12 }),
      fc.nat(30),
      fc.constantFrom<DateField>('committer', 'author'),
      fc.constantFrom<ReadOptions['merges']>('exclude', 'include'),
      fc.boolean(),
      fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 3 }),
      async (before, after, newTip, dateField, merges, onlyBob, days) => {
        const repo = FixtureRepo.create({ prefix: 'dd-walk-prop-' });
        try {
          const made: string[] = [];
          buildCommits(repo, before, made);
          const options = opts({ dateField, merges, authors: onlyBob ? ['bob'] : [] });
          const select = async (tip: string, offset: number, indexed: boolean): Promise<string[]> => {
            const start = (BASE_SECONDS + offset * 86400) * 1000;
            const selection: WalkSelection = {
              tip, window: { startMs: start, endMs: start + 86400000 }, dateField,
              filterArgs: selectionArgs(options), pathspecs: pathspecArgs(options.paths),
            };
            const opened = indexed
              ? await openWalkIndex(selection, { dir: cache, gitDir: join(repo.dir, '.git'), ref: 'main' })
              : undefined;
            const selected = (await selectCommits(selection, { cwd: repo.dir }, opened)).map((e) => e.sha);
            await opened?.saving;
            return selected;
          };
          const firstTip = made[made.length - 1]!;
          for (const offset of days) assert.deepEqual(await select(firstTip, offset, true), await select(firstTip, offset, false));
          buildCommits(repo, after, made);
          const secondTip = made[newTip % made.length]!;
          for (const offset of days) assert.deepEqual(await select(secondTip, offset, true), await select(secondTip, offset, false));
        } finally {
          repo.cleanup();
        }
      },
    ),
    { numRuns: 40, seed: 20261123 },
  );
});
