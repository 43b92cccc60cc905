import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedCommit } from '../../src/core/domain/report.js';
import { dependencyUpdateOf } from '../../src/core/report/dependencyUpdates.js';
import { DEFAULT_BOT_PATTERNS, GROUP_UPDATES_LISTED, foldedShas, groupCommits, isBotAuthor } from '../../src/core/report/groups.js';
import { emptyAnalysis, makeCommit } from '../support/sampleReport.js';
import { triageRepository } from '../support/sampleTriage.js';

test('dependency updates are named from the subjects bots and people write, never guessed', () => {
  const cases: Array<[string, { name: string; version?: string } | undefined]> = [
    ['Update Rust crate jiff to v0.2.34 (#15010)', { name: 'jiff', version: '0.2.34' }],
    ['Update Rust crate syn to 3.0.0', { name: 'syn', version: '3.0.0' }],
    ['chore(deps): update rust crate tokio to v1.47.1 (#1500)', { name: 'tokio', version: '1.47.1' }],
    ['Update dependency @types/node to v20.19.9 (#123)', { name: '@types/node', version: '20.19.9' }],
    ['fix(deps): update module github.com/spf13/cobra to v1.9.1', { name: 'github.com/spf13/cobra', version: '1.9.1' }],
    ['Update actions/checkout action to v5', { name: 'actions/checkout', version: '5' }],
    ['Update astral-sh/setup-uv action to v6.4.3 (#99)', { name: 'astral-sh/setup-uv', version: '6.4.3' }],
    ['Update pre-commit hook astral-sh/ruff-pre-commit to v0.12.7', { name: 'astral-sh/ruff-pre-commit', version: '0.12.7' }],
    ['Bump serde from 1.0.219 to 1.0.220', { name: 'serde', version: '1.0.220' }],
    ['build(deps): bump golang.org/x/net from 0.1.0 to 0.2.0 in /api', { name: 'golang.org/x/net', version: '0.2.0' }],
    ['chore(deps-dev): bump `vite` from 5.0.0 to 5.1.0.', { name: 'vite', version: '5.1.0' }],
    ['chore(deps): bump clap to 4.5.42', { name: 'clap', version: '4.5.42' }],
    ['Pin dependency ruff to 0.6.1', { name: 'ruff', version: '0.6.1' }],
    ['Bump the npm group with 3 updates', undefined],
    ['Update Rust crates (#15000)', undefined],
    ['Lock file maintenance', undefined],
    ['Update dependencies to latest', undefined],
    ['Fix the resolver', undefined],
  ];
  for (const [subject, expected] of cases) assert.deepEqual(dependencyUpdateOf(subject), expected, subject);
});

test('dependency subjects are read in bounded time, whatever their length', () => {
  const hostile = `${'update '.repeat(20_000)}x to`;
  const started = process.hrtime.bigint();
  assert.equal(dependencyUpdateOf(hostile), undefined);
  assert.equal(dependencyUpdateOf(`bump ${'a'.repeat(100_000)} from 1 to 2`), undefined, 'a name past the bound is not read');
  assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 200);
});

test('bots are told by [bot], dependabot and renovate in the name or email, case-insensitively', () => {
  assert.ok(isBotAuthor({ name: 'renovate[bot]', email: 'x@users.noreply.github.com' }, DEFAULT_BOT_PATTERNS));
  assert.ok(isBotAuthor({ name: 'Dependabot', email: 'support@github.com' }, DEFAULT_BOT_PATTERNS));
  assert.ok(isBotAuthor({ name: 'CI', email: 'github-actions[bot]@users.noreply.github.com' }, DEFAULT_BOT_PATTERNS));
  assert.ok(!isBotAuthor({ name: 'Robert', email: 'bob@example.com' }, DEFAULT_BOT_PATTERNS));
  assert.ok(isBotAuthor({ name: 'release-robot', email: 'r@example.com' }, ['release-robot']));
  assert.ok(!isBotAuthor({ name: 'Ada', email: 'ada@example.com' }, ['', '  ']), 'blank patterns match nobody');
});

test('a bot\'s commits fold into one group per bot, people\'s bumps into one, and lone ones stay', () => {
  const repo = triageRepository('en');
  const groups = groupCommits(repo.commits, DEFAULT_BOT_PATTERNS);
  assert.deepEqual(groups.map((group) => [group.kind, group.author, group.shas.length, group.dependencyUpdates]), [
    ['bot', 'renovate[bot]', 3, 3],
    ['deps', '', 2, 2],
  ]);
  assert.deepEqual(groups[0]?.updates, [{ name: 'jiff', version: '0.2.34' }, { name: 'syn', version: '3.0.0' }, { name: 'tokio', version: '1.47.1' }]);
  assert.deepEqual(groups[0]?.shas, repo.commits.filter((c) => c.author.name === 'renovate[bot]').map((c) => c.sha), 'newest first');
  const folded = foldedShas(groups);
  assert.ok(!repo.commits.some((c) => c.author.name.startsWith('dependabot') && folded.has(c.sha)), 'a group of one stays a row');
});

let counter = 0;
function bump(subject: string, who: string, overrides: Parameters<typeof emptyAnalysis>[0] = {}): AnalyzedCommit {
  counter += 1;
  return makeCommit({
    sha: counter.toString(16).padStart(40, 'f'), subject, author: who, email: `${who}@example.com`, date: '2026-01-22T10:00:00Z',
    analysis: emptyAnalysis({ changeType: 'deps', importance: 'low', ...overrides }),
  });
}

test('high-importance and breaking commits are never folded, even a bot\'s', () => {
  const commits = [
    bump('Update dependency openssl to v3.5.1 [SECURITY]', 'renovate[bot]', { importance: 'high', changeType: 'security' }),
    bump('Update Rust crate alpha to v1', 'renovate[bot]'),
    bump('Update Rust crate bravo to v2', 'renovate[bot]', { breaking: true, importance: 'medium' }),
    bump('Update Rust crate charlie to v3', 'renovate[bot]'),
  ];
  const groups = groupCommits(commits, DEFAULT_BOT_PATTERNS);
  assert.equal(groups.length, 1);
  assert.deepEqual(groups[0]?.updates.map((update) => update.name), ['alpha', 'charlie']);
});

test('a bot that lands the project\'s own changes keeps its medium features and fixes in the table; its upkeep and low ones fold', () => {
  const bot = 'astral-automations-bot[bot]';
  const commits = [
    bump('Add package-specific pre-release selection', bot, { importance: 'medium', changeType: 'feature' }),
    bump('Fix Windows conda system tests', bot, { importance: 'medium', changeType: 'fix' }),
    bump('Remove stale Node 20 action TODOs', bot, { importance: 'medium', changeType: 'ci' }),
    bump('Promote stacked pull requests', bot, { importance: 'low', changeType: 'other' }),
    bump('Upgrade sha2 to 0.11', bot, { importance: 'medium', changeType: 'deps' }),
  ];
  const groups = groupCommits(commits, DEFAULT_BOT_PATTERNS);
  assert.equal(groups.length, 1);
  assert.deepEqual(groups[0]?.shas, [commits[2]!.sha, commits[3]!.sha, commits[4]!.sha]);
});

test('a group names a few dependencies, each once with its newest version, and counts the rest', () => {
  const names = ['alpha', 'bravo', 'alpha', 'charlie', 'delta', 'echo', 'fox', 'golf'];
  const commits = names.map((name, index) => bump(`Update Rust crate ${name} to v${10 - index}.0.0`, 'renovate[bot]'));
  commits.push(bump('Lock file maintenance', 'renovate[bot]', { changeType: 'chore' }));
  const [group] = groupCommits(commits, DEFAULT_BOT_PATTERNS);
  assert.ok(group);
  assert.equal(group.shas.length, 9);
  assert.equal(group.dependencyUpdates, 8);
  assert.equal(group.updates.length, GROUP_UPDATES_LISTED);
  assert.deepEqual(group.updates[0], { name: 'alpha', version: '10.0.0' });
  assert.equal(group.updates.filter((update) => update.name === 'alpha').length, 1);
  assert.equal(group.moreUpdates, 2);
});

test('people\'s commits other than dependency bumps never fold, and bot patterns are configurable', () => {
  const commits = [bump('Fix a', 'Ada', { changeType: 'fix' }), bump('Fix b', 'Ada', { changeType: 'fix' })];
  assert.deepEqual(groupCommits(commits, DEFAULT_BOT_PATTERNS), []);
  const released = [bump('Release 1.2.3', 'release-robot', { changeType: 'chore' }), bump('Release 1.2.4', 'release-robot', { changeType: 'chore' })];
  assert.deepEqual(groupCommits(released, DEFAULT_BOT_PATTERNS), []);
  const [group] = groupCommits(released, [...DEFAULT_BOT_PATTERNS, 'release-robot']);
  assert.equal(group?.kind, 'bot');
  assert.equal(group?.dependencyUpdates, 0);
  assert.deepEqual(group?.updates, []);
});
