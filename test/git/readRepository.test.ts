import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, realpathSync, rmSync, unlinkSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readRepository } from '../../src/core/git/index.js';
import { generateReport } from '../../src/core/engine/generateReport.js';
import { renderMarkdown } from '../../src/core/render/index.js';
import { unreadableCommitsWarning } from '../../src/core/i18n/reportMessages.js';
import { resolveWindow } from '../../src/core/time/window.js';
import type { ResolvedWindow } from '../../src/core/time/window.js';
import type { Commit } from '../../src/core/domain/commit.js';
import type { ReadOptions } from '../../src/core/domain/options.js';
import type { DateField } from '../../src/core/domain/report.js';
import { FixtureRepo } from '../support/gitFixture.js';

const DAY = '2026-01-22';
const dayWindow = (field: DateField = 'committer', day = DAY, zone = 'UTC'): ResolvedWindow =>
  resolveWindow({ kind: 'day', day }, zone, field);
const opts = (over: Partial<ReadOptions> = {}): ReadOptions => ({
  ref: 'HEAD', dateField: 'committer', merges: 'exclude', authors: [], paths: [], ...over,
});
const subjects = (commits: { subject: string }[]): string[] => commits.map((c) => c.subject);

/** onCommit handed over every commit of the result, the same objects, each exactly once, and nothing else. */
function assertHandedOverOnce(handedOver: Commit[], result: Commit[]): void {
  assert.equal(handedOver.length, result.length);
  assert.equal(new Set(handedOver).size, handedOver.length);
  for (const commit of result) assert.ok(handedOver.includes(commit), `${commit.subject} was not handed over`);
}

test('commits at exactly 00:00 are in at the start and out at the end', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  repo.write('a', '1').commit('before', { date: '2026-01-21T23:59:59Z' });
  repo.write('a', '2').commit('at start', { date: '2026-01-22T00:00:00Z' });
  repo.write('a', '3').commit('noon', { date: '2026-01-22T12:00:00+00:00' });
  repo.write('a', '4').commit('last second', { date: '2026-01-22T23:59:59Z' });
  repo.write('a', '5').commit('at end', { date: '2026-01-23T00:00:00Z' });
  const read = await readRepository(repo.dir, dayWindow(), opts());
  assert.deepEqual(subjects(read.commits), ['last second', 'noon', 'at start']);
  assert.equal(read.root, repo.dir);
  assert.equal(read.ref, 'HEAD');
});

test('the day follows the time zone (a commit at 23:30 UTC is the next day in Shanghai)', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  repo.write('a', '1').commit('late utc', { date: '2026-01-21T23:30:00Z' });
  const shanghai = await readRepository(repo.dir, dayWindow('committer', DAY, 'Asia/Shanghai'), opts());
  assert.deepEqual(subjects(shanghai.commits), ['late utc']);
  assert.equal(shanghai.commits[0].committer.date, '2026-01-21T23:30:00Z'.replace('Z', '+00:00'));
  const utc = await readRepository(repo.dir, dayWindow(), opts());
  assert.deepEqual(utc.commits, []);
});

test('out-of-order dates: in-window commits behind an older commit are found, newest first', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  repo.write('a', '1').commit('old base', { date: '2026-01-01T10:00:00Z' });
  repo.write('a', '2').commit('in window, parent', { date: '2026-01-22T09:00:00Z' });
  repo.write('a', '3').commit('rebased child, old date', { date: '2026-01-10T10:00:00Z' });
  repo.write('a', '4').commit('in window, tip', { date: '2026-01-22T08:00:00Z' });
  repo.write('a', '5').commit('way older tip', { date: '2025-06-01T10:00:00Z' });
  // Raw git --since stops at "way older tip" and misses the rest.
  const raw = repo.git(['log', '--format=%s', '--since=2026-01-22T00:00:00Z', '--until=2026-01-22T23:59:59Z']);
  assert.equal(raw, '');
  const handedOver: Commit[] = [];
  const read = await readRepository(repo.dir, dayWindow(), opts(), { onCommit: (c) => handedOver.push(c) });
  assert.deepEqual(subjects(read.commits), ['in window, parent', 'in window, tip']);
  assertHandedOverOnce(handedOver, read.commits);
});

test('author vs committer date field', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  repo.write('a', '1').commit('authored earlier, committed today', { date: '2026-01-22T10:00:00Z', authorDate: '2026-01-02T10:00:00+05:30' });
  repo.write('a', '2').commit('authored today, committed later', { date: '2026-01-25T10:00:00Z', authorDate: '2026-01-22T10:00:00-08:00' });
  const byCommitter = await readRepository(repo.dir, dayWindow('committer'), opts());
  assert.deepEqual(subjects(byCommitter.commits), ['authored earlier, committed today']);
  assert.equal(byCommitter.commits[0].author.date, '2026-01-02T10:00:00+05:30');
  const byAuthor = await readRepository(repo.dir, dayWindow('author'), opts({ dateField: 'author' }));
  assert.deepEqual(subjects(byAuthor.commits), ['authored today, committed later']);
  assert.equal(byAuthor.commits[0].author.date, '2026-01-22T10:00:00-08:00');
});

test('root commit, renames, binary files, deletes, and the full commit fields', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  const root = repo.write('src/old.ts', 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n')
    .write('gone.txt', 'bye\n').write('img.bin', Buffer.from([0, 1, 2, 3, 0, 255]))
    .commit('feat: initial (#12)', { date: '2026-01-22T01:00:00Z', author: { name: 'Zoë Δ', email: 'zoe@example.com' } });
  repo.git(['mv', 'src/old.ts', 'src/new.ts']);
  repo.remove('gone.txt').write('img.bin', Buffer.from([0, 9, 9, 9, 0, 255]));
  const second = repo.commit(
    'refactor: move things\n\nLonger body.\n\nBREAKING CHANGE: old path removed\nCo-authored-by: Bob <bob@example.com>\nSigned-off-by: Ada <ada@example.com>',
    { date: '2026-01-22T02:00:00Z' },
  );
  const read = await readRepository(repo.dir, dayWindow(), opts());
  assert.equal(read.commits.length, 2);
  const [moved, initial] = read.commits;
  assert.equal(moved.sha, second);
  assert.equal(moved.shortSha, second.slice(0, 7));
  assert.deepEqual(moved.parents, [root]);
  assert.equal(moved.subject, 'refactor: move things');
  assert.match(moved.body, /^Longer body\.\n\nBREAKING CHANGE: old path removed\n/);
  assert.deepEqual(moved.trailers, [
    { key: 'BREAKING CHANGE', value: 'old path removed' },
    { key: 'Co-authored-by', value: 'Bob <bob@example.com>' },
    { key: 'Signed-off-by', value: 'Ada <ada@example.com>' },
  ]);
  const byPath = new Map(moved.files.map((f) => [f.path, f]));
  assert.deepEqual(byPath.get('src/new.ts'), { path: 'src/new.ts', oldPath: 'src/old.ts', status: 'R', additions: 0, deletions: 0, binary: false });
  assert.deepEqual(byPath.get('gone.txt'), { path: 'gone.txt', status: 'D', additions: 0, deletions: 1, binary: false });
  assert.equal(byPath.get('img.bin')?.binary, true);
  assert.equal(byPath.get('img.bin')?.status, 'M');

  assert.deepEqual(initial.parents, []);
  assert.equal(initial.prNumber, 12);
  assert.equal(initial.author.name, 'Zoë Δ');
  assert.deepEqual(initial.files.map((f) => [f.path, f.status]).sort(), [['gone.txt', 'A'], ['img.bin', 'A'], ['src/old.ts', 'A']]);
  assert.equal(initial.files.find((f) => f.path === 'src/old.ts')?.additions, 3);
  assert.equal(initial.url, undefined);
});

test('a new file copied from a file the same commit modifies is a copy (C) with its old path; the engine still analyzes it', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  const body = Array.from({ length: 40 }, (_, i) => `export const DEFAULT_VALUE_${i} = ${i};`).join('\n');
  repo.write('src/config.ts', `${body}\n`).commit('feat: config', { date: '2026-01-22T01:00:00Z' });
  repo.write('src/config.ts', `${body}\nexport const extra = 1;\n`).write('src/configCopy.ts', `${body}\n`)
    .commit('refactor: copy the config', { date: '2026-01-22T02:00:00Z' });
  const read = await readRepository(repo.dir, dayWindow(), opts());
  const copy = read.commits[0]!;
  assert.deepEqual(copy.files.map((f) => [f.path, f.oldPath, f.status, f.additions, f.deletions]), [
    ['src/config.ts', undefined, 'M', 1, 0],
    ['src/configCopy.ts', 'src/config.ts', 'C', 0, 0],
  ]);
  const report = await generateReport({
    repos: [repo.dir], period: { kind: 'day', day: '2026-01-22' }, timeZone: 'UTC', language: 'en',
  });
  const analyzed = report.repositories[0]!.commits[0]!;
  assert.equal(analyzed.sha, copy.sha);
  assert.deepEqual(analyzed.files, copy.files);
  assert.ok(analyzed.analysis.summary.length > 0);
  assert.equal(analyzed.analysis.changeType, 'refactor');
  assert.ok(renderMarkdown(report).includes('refactor: copy the config'));
});

test('file names with newlines, quotes, tabs and non-ASCII survive', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  const names = ['we ird\nname.txt', 'quote"d\ttab.md', 'données/日本語.txt', 'ends with space '];
  for (const name of names) repo.write(name, 'x\n');
  repo.commit('add odd names', { date: '2026-01-22T05:00:00Z' });
  const read = await readRepository(repo.dir, dayWindow(), opts());
  assert.deepEqual(read.commits[0].files.map((f) => f.path).sort(), [...names].sort());
  assert.ok(read.commits[0].files.every((f) => f.status === 'A' && f.additions === 1));
});

test('non-ASCII and ISO-8859-1 encoded messages come back as UTF-8', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  repo.write('a', '1').commit('修复：登录错误 — café', { date: '2026-01-22T03:00:00Z' });
  const messageFile = join(repo.dir, '..', `${repo.dir.split('/').pop()}-msg`);
  writeFileSync(messageFile, Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e\n\nCorps en fran\xe7ais.\n', 'latin1'));
  t.after(() => rmSync(messageFile, { force: true }));
  repo.write('a', '2');
  repo.git(['add', '-A']);
  repo.git(['-c', 'i18n.commitEncoding=ISO-8859-1', 'commit', '-q', '-F', messageFile], {
    GIT_AUTHOR_DATE: '2026-01-22T04:00:00Z', GIT_COMMITTER_DATE: '2026-01-22T04:00:00Z',
    GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com',
  });
  assert.match(repo.git(['cat-file', '-p', 'HEAD']), /^encoding ISO-8859-1$/m);
  const read = await readRepository(repo.dir, dayWindow(), opts());
  assert.deepEqual(subjects(read.commits), ['Café crème brûlée', '修复：登录错误 — café']);
  assert.equal(read.commits[0].body, 'Corps en français.');
});

function mergeRepo(): { repo: FixtureRepo; merge: string; mainline: string; side1: string; side2: string } {
  const repo = FixtureRepo.create();
  repo.write('base.txt', 'base\n').commit('base', { date: '2026-01-21T10:00:00Z' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  const side1 = repo.write('feature/one.txt', '1\n').commit('feature one', { date: '2026-01-22T08:00:00Z' });
  const side2 = repo.write('feature/two.txt', '2\n2\n').commit('feature two', { date: '2026-01-22T09:00:00Z' });
  repo.git(['checkout', '-q', 'main']);
  const mainline = repo.write('main.txt', 'm\n').commit('mainline work', { date: '2026-01-22T10:00:00Z' });
  repo.git(['merge', '-q', '--no-ff', '-m', 'Merge pull request #77 from team/feature', 'feature'], {
    GIT_AUTHOR_DATE: '2026-01-22T11:00:00Z', GIT_COMMITTER_DATE: '2026-01-22T11:00:00Z',
  });
  return { repo, merge: repo.head(), mainline, side1, side2 };
}

test('merges: exclude (default), include, first-parent', async (t) => {
  const { repo, merge, mainline, side1, side2 } = mergeRepo();
  t.after(() => repo.cleanup());
  const exclude = await readRepository(repo.dir, dayWindow(), opts());
  assert.deepEqual(exclude.commits.map((c) => c.sha), [mainline, side2, side1]);

  const include = await readRepository(repo.dir, dayWindow(), opts({ merges: 'include' }));
  assert.deepEqual(include.commits.map((c) => c.sha), [merge, mainline, side2, side1]);
  const mergeCommit = include.commits[0];
  assert.equal(mergeCommit.parents.length, 2);
  assert.equal(mergeCommit.prNumber, 77);
  assert.deepEqual(mergeCommit.files.map((f) => [f.path, f.status, f.additions]).sort(),
    [['feature/one.txt', 'A', 1], ['feature/two.txt', 'A', 2]]);

  const firstParent = await readRepository(repo.dir, dayWindow(), opts({ merges: 'first-parent' }));
  assert.deepEqual(firstParent.commits.map((c) => c.sha), [merge, mainline]);
  assert.equal(firstParent.commits[0].files.length, 2);
});

test('author and path filters', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  const bob = { name: 'Bob Builder', email: 'bob@Example.org' };
  repo.write('docs/a.md', '1').commit('docs by ada', { date: '2026-01-22T01:00:00Z' });
  repo.write('src/x/y.ts', '1').commit('code by bob', { date: '2026-01-22T02:00:00Z', author: bob });
  repo.write('README', '1').commit('readme by carol', { date: '2026-01-22T03:00:00Z', author: { name: 'Carol', email: 'c@x.io' } });
  const byName = await readRepository(repo.dir, dayWindow(), opts({ authors: ['BUILDER'] }));
  assert.deepEqual(subjects(byName.commits), ['code by bob']);
  const byEmail = await readRepository(repo.dir, dayWindow(), opts({ authors: ['example.ORG', 'c@x.'] }));
  assert.deepEqual(subjects(byEmail.commits), ['readme by carol', 'code by bob']);
  const regexChars = await readRepository(repo.dir, dayWindow(), opts({ authors: ['.*'] }));
  assert.deepEqual(regexChars.commits, []);
  const byGlob = await readRepository(repo.dir, dayWindow(), opts({ paths: ['src/**/*.ts'] }));
  assert.deepEqual(subjects(byGlob.commits), ['code by bob']);
  const byFolder = await readRepository(repo.dir, dayWindow(), opts({ paths: ['docs', 'README'] }));
  assert.deepEqual(subjects(byFolder.commits), ['readme by carol', 'docs by ada']);
});

test('bare repository, subfolder path, and a path with spaces and non-ASCII', async (t) => {
  const parent = realpathSync(mkdtempSync(join(tmpdir(), 'dd dossier é ')));
  t.after(() => rmSync(parent, { recursive: true, force: true }));
  const repo = FixtureRepo.create({ prefix: `${basename(parent)}/répo avec espaces-` });
  repo.write('deep/er/file.txt', '1').commit('in a spaced repo', { date: '2026-01-22T06:00:00Z' });
  const fromSub = await readRepository(join(repo.dir, 'deep', 'er'), dayWindow(), opts());
  assert.equal(fromSub.root, repo.dir);
  assert.deepEqual(subjects(fromSub.commits), ['in a spaced repo']);
  assert.equal(fromSub.commits[0].files[0].path, 'deep/er/file.txt');

  const bareDir = join(parent, 'mirror.git');
  repo.git(['clone', '-q', '--bare', repo.dir, bareDir]);
  const bare = await readRepository(bareDir, dayWindow(), opts());
  assert.equal(bare.name, 'mirror');
  assert.deepEqual(subjects(bare.commits), ['in a spaced repo']);
});

test('origin remote gives the name and commit links', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  const sha = repo.write('a', '1').commit('linked', { date: '2026-01-22T06:00:00Z' });
  repo.git(['remote', 'add', 'origin', 'git@github.com:octo/hello.git']);
  const read = await readRepository(repo.dir, dayWindow(), opts());
  assert.equal(read.name, 'octo/hello');
  assert.equal(read.webUrl, 'https://github.com/octo/hello');
  assert.equal(read.commits[0].url, `https://github.com/octo/hello/commit/${sha}`);
});

test('a shallow clone whose history ends inside the window reports the boundary', async (t) => {
  const origin = FixtureRepo.create();
  t.after(() => origin.cleanup());
  origin.write('a', '0').commit('long ago', { date: '2026-01-01T10:00:00Z' });
  origin.write('a', '1').commit('morning', { date: '2026-01-22T08:00:00+02:00' });
  origin.write('a', '2').commit('evening', { date: '2026-01-22T18:00:00Z' });
  const cloneDir = `${origin.dir}-shallow`;
  origin.git(['clone', '-q', '--no-local', '--depth', '2', `file://${origin.dir}`, cloneDir]);
  t.after(() => rmSync(cloneDir, { recursive: true, force: true }));
  const read = await readRepository(cloneDir, dayWindow(), opts());
  assert.deepEqual(subjects(read.commits), ['evening', 'morning']);
  assert.equal(read.shallowBoundary, '2026-01-22T08:00:00+02:00');
  // The morning root of the shallow clone shows all its files as added.
  assert.deepEqual(read.commits[1].files.map((f) => f.status), ['A']);
  const later = await readRepository(cloneDir, dayWindow('committer', '2026-01-10'), opts());
  assert.equal(later.shallowBoundary, '2026-01-22T08:00:00+02:00');
  const full = await readRepository(origin.dir, dayWindow(), opts());
  assert.equal(full.shallowBoundary, undefined);
});

test('a commit with more than 5000 files keeps 5000 entries and the true totals', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  for (let i = 0; i < 5003; i++) {
    const dir = join(repo.dir, `m${i % 50}`);
    if (i < 50) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `f${i}.txt`), 'a\nb\n');
  }
  repo.commit('huge', { date: '2026-01-22T07:00:00Z' });
  const [commit] = (await readRepository(repo.dir, dayWindow(), opts())).commits;
  assert.equal(commit.files.length, 5000);
  assert.equal(commit.filesTruncated, true);
  assert.deepEqual(commit.filesTotal, { files: 5003, additions: 10006, deletions: 0 });
});

test('missing blobs in several commits: each broken commit is listed without files, every other keeps its files, in order', async (t) => {
  const repo = FixtureRepo.create();
  t.after(() => repo.cleanup());
  const broken = new Set([1, 3, 4, 6, 7]);
  const lost: string[] = [];
  for (let i = 0; i < 9; i++) {
    repo.write(`f${i}.txt`, `content ${i}\n`).commit(`commit ${i}`, { date: `2026-01-22T0${i}:00:00Z` });
    if (broken.has(i)) lost.push(repo.git(['rev-parse', `HEAD:f${i}.txt`]));
  }
  for (const oid of lost) unlinkSync(join(repo.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
  for (const dateField of ['committer', 'author'] as const) {
    const handedOver: Commit[] = [];
    const read = await readRepository(repo.dir, dayWindow(dateField), opts({ dateField }), { onCommit: (c) => handedOver.push(c) });
    assertHandedOverOnce(handedOver, read.commits);
    assert.deepEqual(read.commits.map((c) => [c.subject, c.files.map((f) => f.path), c.unreadable]),
      [8, 7, 6, 5, 4, 3, 2, 1, 0].map((i) => {
        const index = [...broken].indexOf(i);
        return index === -1 ? [`commit ${i}`, [`f${i}.txt`], undefined] : [`commit ${i}`, [], `unable to read ${lost[index]}`];
      }));
    const warning = unreadableCommitsWarning('en', read.commits) ?? '';
    assert.match(warning, /^5 commits could not be read completely \([0-9a-f]{7}: unable to read [0-9a-f]{40}; .+; and 2 more\): listed without files/);
  }
  assert.equal(unreadableCommitsWarning('en', []), undefined);
});
