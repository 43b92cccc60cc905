import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateReport } from '../../src/core/engine/generateReport.js';
import { readRepository } from '../../src/core/git/index.js';
import type { Commit } from '../../src/core/domain/commit.js';
import type { ReadOptions } from '../../src/core/domain/options.js';
import { lastCommitDay, readActivityCalendar } from '../../src/core/report/activity.js';
import { resolveWindow } from '../../src/core/time/window.js';
import { FixtureRepo } from '../support/gitFixture.js';

const ADA = { name: 'Ada Lovelace', email: 'ada@example.com' };
const BOB = { name: 'Bob', email: 'bob@example.com' };
const RENOVATE = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };
const opts = (over: Partial<ReadOptions> = {}): ReadOptions => ({
  ref: 'HEAD', dateField: 'committer', merges: 'exclude', authors: [], paths: [], ...over,
});

/** Three authors over three days; the newest commit is renovate's. */
function triageFixture(): FixtureRepo {
  const repo = FixtureRepo.create({ prefix: 'dd-triage-' });
  repo.write('a.txt', '1').commit('feat: start', { date: '2026-01-18T10:00:00Z', author: ADA });
  repo.write('a.txt', '2').commit('fix: by bob', { date: '2026-01-20T10:00:00Z', author: BOB });
  repo.write('Cargo.lock', 'x 1').commit('Update Rust crate jiff to v0.2.34', { date: '2026-01-22T08:00:00Z', author: RENOVATE });
  repo.write('a.txt', '3').commit('feat: by ada', { date: '2026-01-22T09:00:00Z', author: ADA });
  repo.write('Cargo.lock', 'x 2').commit('Update Rust crate syn to 3.0.0', { date: '2026-01-22T10:00:00Z', author: RENOVATE });
  repo.write('Cargo.lock', 'x 3').commit('Update Rust crate tokio to v1.47.1', { date: '2026-01-22T11:00:00Z', author: RENOVATE });
  return repo;
}

const day = (value: string) => resolveWindow({ kind: 'day', day: value }, 'UTC', 'committer');

test('excluded authors are left out of the read, whatever else selects them, and never handed over', async (t) => {
  const repo = triageFixture();
  const indexDir = mkdtempSync(join(tmpdir(), 'dd-walk-index-'));
  t.after(() => {
    repo.cleanup();
    rmSync(indexDir, { recursive: true, force: true });
  });
  const handedOver: Commit[] = [];
  const read = await readRepository(repo.dir, day('2026-01-22'), opts({ excludeAuthors: ['[BOT]'] }), {
    onCommit: (commit) => handedOver.push(commit), walkIndexDir: indexDir,
  });
  assert.deepEqual(read.commits.map((commit) => commit.subject), ['feat: by ada']);
  assert.deepEqual(handedOver, read.commits);
  // The walk index holds the whole walk: a read without the exclusion still sees every commit.
  const all = await readRepository(repo.dir, day('2026-01-22'), opts(), { walkIndexDir: indexDir });
  assert.equal(all.commits.length, 4);
  const picked = await readRepository(repo.dir, day('2026-01-22'), opts({ authors: ['ada', 'renovate'], excludeAuthors: ['syn', 'noreply'] }));
  assert.deepEqual(picked.commits.map((commit) => commit.subject), ['feat: by ada'], 'email substrings exclude too');
  const byName = await readRepository(repo.dir, day('2026-01-22'), opts({ excludeAuthors: ['ada lovelace', ' '] }));
  assert.equal(byName.commits.length, 3);
  const byAddress = await readRepository(repo.dir, day('2026-01-22'), opts({ excludeAuthors: ['<ada@example.com>'] }));
  assert.equal(byAddress.commits.length, 3, 'matched against "Name <email>", as --author is');
});

test('the last commit day is the newest commit\'s day in the zone, with the read\'s filters', async (t) => {
  const repo = triageFixture();
  t.after(() => repo.cleanup());
  assert.equal(await lastCommitDay(repo.dir, opts(), 'committer', 'UTC'), '2026-01-22');
  assert.equal(await lastCommitDay(repo.dir, opts(), 'committer', 'Pacific/Kiritimati'), '2026-01-23', 'UTC+14');
  assert.equal(await lastCommitDay(repo.dir, opts({ excludeAuthors: ['[bot]', 'ada'] }), 'committer', 'UTC'), '2026-01-20');
  assert.equal(await lastCommitDay(repo.dir, opts({ authors: ['bob'] }), 'committer', 'UTC'), '2026-01-20');
  assert.equal(await lastCommitDay(repo.dir, opts({ paths: ['a.txt'], excludeAuthors: ['ada'] }), 'committer', 'UTC'), '2026-01-20');
  assert.equal(await lastCommitDay(repo.dir, opts({ ref: 'no-such-branch' }), 'committer', 'UTC'), undefined);
  assert.equal(await lastCommitDay(repo.dir, opts({ authors: ['nobody'] }), 'committer', 'UTC'), undefined);
});

test('the activity calendar counts commits per day over eight weeks, with the read\'s filters', async (t) => {
  const repo = triageFixture();
  t.after(() => repo.cleanup());
  const window = { end: '2026-01-23T00:00:00+00:00', timeZone: 'UTC', dateField: 'committer' as const };
  const now = new Date('2026-01-23T12:00:00Z');
  const calendar = await readActivityCalendar(repo.dir, opts(), window, now);
  assert.ok(calendar);
  assert.equal(calendar.to, '2026-01-23');
  assert.equal(calendar.counts.length, 56);
  const at = (dayText: string): number | undefined => {
    const index = (Date.parse(`${dayText}T00:00:00Z`) - Date.parse(`${calendar.from}T00:00:00Z`)) / 86_400_000;
    return calendar.counts[index];
  };
  assert.deepEqual([at('2026-01-18'), at('2026-01-19'), at('2026-01-20'), at('2026-01-22'), at('2026-01-23')], [1, 0, 1, 4, 0]);
  const people = await readActivityCalendar(repo.dir, opts({ excludeAuthors: ['[bot]'] }), window, now);
  assert.equal(people?.counts.reduce((sum, count) => sum + count, 0), 3);
});

test('generateReport carries the glance, groups, days, calendar and order; an empty day names the last commit day', async (t) => {
  const repo = triageFixture();
  t.after(() => repo.cleanup());
  const base = { repos: [repo.dir], timeZone: 'UTC', language: 'en' as const, now: new Date('2026-01-23T12:00:00Z') };
  const report = await generateReport({ ...base, period: { kind: 'range', since: '2026-01-20', until: '2026-01-22' }, order: 'time' });
  const [read] = report.repositories;
  assert.ok(read);
  assert.equal(report.order, 'time');
  assert.equal(read.glance?.commits, 5);
  assert.deepEqual(read.groups?.map((group) => [group.author, group.shas.length]), [['renovate[bot]', 3]]);
  assert.deepEqual(read.groups?.[0]?.updates.map((update) => `${update.name} ${update.version ?? ''}`), ['tokio 1.47.1', 'syn 3.0.0', 'jiff 0.2.34']);
  assert.deepEqual(read.days?.map((section) => [section.day, section.commits]), [['2026-01-22', 4], ['2026-01-20', 1]]);
  assert.equal(read.activity?.counts.reduce((sum, count) => sum + count, 0), 6);
  assert.equal(read.lastCommitDay, undefined, 'only for a window without commits');

  const quiet = await generateReport({ ...base, period: { kind: 'day', day: '2026-01-21' }, activity: false });
  assert.equal(quiet.order, 'importance');
  assert.equal(quiet.repositories[0]?.commits.length, 0);
  assert.equal(quiet.repositories[0]?.lastCommitDay, '2026-01-22');
  assert.equal(quiet.repositories[0]?.activity, undefined);

  const noBots = await generateReport({ ...base, period: { kind: 'day', day: '2026-01-22' }, excludeAuthors: ['[bot]'], bots: [] });
  assert.deepEqual(noBots.repositories[0]?.commits.map((commit) => commit.subject), ['feat: by ada']);
  assert.deepEqual(noBots.repositories[0]?.groups, []);
});

test('web links come from the origin as git rewrites it (insteadOf), or from the given location', async (t) => {
  const repo = triageFixture();
  t.after(() => repo.cleanup());
  repo.git(['remote', 'add', 'origin', 'gh:astral-sh/uv']);
  repo.git(['config', 'url.git@github.com:.insteadOf', 'gh:']);
  const base = { repos: [repo.dir], timeZone: 'UTC', language: 'en' as const, period: { kind: 'day' as const, day: '2026-01-22' }, activity: false };
  const report = await generateReport(base);
  const [read] = report.repositories;
  assert.equal(read?.name, 'astral-sh/uv');
  assert.equal(read?.webUrl, 'https://github.com/astral-sh/uv');
  assert.equal(read?.webKind, 'github');
  assert.match(read?.commits[0]?.url ?? '', /^https:\/\/github\.com\/astral-sh\/uv\/commit\/[0-9a-f]{40}$/);

  const mirrored = await generateReport({ ...base, web: (root) => (root === repo.dir ? { url: 'https://code.example.com/uv', kind: 'gitea' } : undefined) });
  assert.equal(mirrored.repositories[0]?.webUrl, 'https://code.example.com/uv');
  assert.equal(mirrored.repositories[0]?.webKind, 'gitea');
  assert.match(mirrored.repositories[0]?.commits[0]?.url ?? '', /^https:\/\/code\.example\.com\/uv\/commit\//);
});
