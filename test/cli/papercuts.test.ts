// The command line's papercuts (issue 16) and its triage flags, each checked by running the CLI on a real repository.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FixtureRepo } from '../support/gitFixture.js';

const CLI = resolve('src/cli/program.ts');

function runCli(args: string[], cacheHome: string, env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: '', LANG: 'C', LC_ALL: '', XDG_CACHE_HOME: cacheHome, ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const RENOVATE = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };
const RELEASER = { name: 'release-robot', email: 'release@example.com' };

/** `YYYY-MM-DD` of the UTC day `daysAgo` days before today. */
function utcDay(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

describe('daily-digest papercuts and triage flags', () => {
  let repo: FixtureRepo;
  let recent: FixtureRepo;
  let work: string;
  let cacheHome: string;
  // --quiet: a run slowed down by a busy machine prints progress after a second, and stderr is checked exactly.
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli([...args, '--quiet'], cacheHome, env);

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'dd-papercuts-'));
    cacheHome = join(work, 'cache');
    repo = FixtureRepo.create({ prefix: 'dd-papercuts-repo-' });
    repo.write('src/a.ts', 'export const a = 1;\n').commit('feat: add a', { date: '2026-01-20T09:00:00Z' });
    repo.write('Cargo.lock', 'jiff 1\n').commit('Update Rust crate jiff to v0.2.34', { date: '2026-01-21T08:00:00Z', author: RENOVATE });
    repo.write('Cargo.lock', 'jiff 1\nsyn 3\n').commit('Update Rust crate syn to 3.0.0', { date: '2026-01-21T09:00:00Z', author: RENOVATE });
    repo.write('CHANGELOG.md', '1.0.1\n').commit('chore: release 1.0.1', { date: '2026-01-21T10:00:00Z', author: RELEASER });
    repo.write('CHANGELOG.md', '1.0.2\n').commit('chore: release 1.0.2', { date: '2026-01-21T11:00:00Z', author: RELEASER });
    repo.write('src/a.ts', 'export const a = 2;\n').commit('fix: a is 2', { date: '2026-01-21T12:00:00Z' });
    // Dates relative to today, for --date 7d: three days ago is in, ten days ago is out.
    recent = FixtureRepo.create({ prefix: 'dd-papercuts-recent-' });
    recent.write('a', '1').commit('feat: ten days ago', { date: `${utcDay(10)}T12:00:00Z` });
    recent.write('a', '2').commit('feat: three days ago', { date: `${utcDay(3)}T12:00:00Z` });
  });

  after(() => {
    repo.cleanup();
    recent.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  test('--date 7d is the last seven days including today, like --since 7d', () => {
    const { code, stdout, stderr } = cli(['--repo', recent.dir, '--date', '7d', '--tz', 'UTC', '--format', 'json']);
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout) as { window: { label: string }; repositories: { commits: { subject: string }[] }[] };
    assert.equal(report.window.label, `${utcDay(6)}..${utcDay(0)}`);
    assert.deepEqual(report.repositories[0]?.commits.map((commit) => commit.subject), ['feat: three days ago']);
  });

  test('--since after --until names both, and nothing runs', () => {
    const { code, stdout, stderr } = cli(['--repo', repo.dir, '--since', '2026-07-30', '--until', '2026-07-28']);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(stderr, 'daily-digest: --since 2026-07-30 is after --until 2026-07-28: swap them.\n');
  });

  test('a path that does not exist is said to not exist, once', () => {
    const missing = join(work, 'no-such-folder');
    const { code, stderr } = cli(['--repo', missing, '--date', '2026-01-21', '--tz', 'UTC']);
    assert.equal(code, 2);
    assert.equal(stderr, `daily-digest: ${missing} does not exist.\n`);
  });

  test('an existing --out is refused before any work: no git, no cache, the file untouched', () => {
    const out = join(work, 'existing.md');
    writeFileSync(out, 'keep me');
    const ownCache = join(work, 'cache-untouched');
    const { code, stderr } = runCli(['--repo', repo.dir, '--date', '2026-01-21', '--tz', 'UTC', '--out', out, '--quiet'], ownCache);
    assert.equal(code, 1);
    assert.equal(stderr, `daily-digest: ${out} already exists: pass --force to overwrite it, or choose another --out.\n`);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    assert.ok(!existsSync(ownCache), 'the walk index was never opened: the history was not read');
    const missing = cli(['--repo', join(work, 'nowhere'), '--out', out]);
    assert.match(missing.stderr, /already exists/, 'refused before the repository is even looked at');
  });

  test('success with --out says what it wrote on stderr, in the report language', () => {
    const out = join(work, 'day.md');
    const first = cli(['--repo', repo.dir, '--date', '2026-01-21', '--tz', 'UTC', '--out', out]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, '');
    assert.equal(first.stderr, `wrote ${out} (5 commits)\n`);
    const zh = cli(['--repo', repo.dir, '--date', '2026-01-20', '--tz', 'UTC', '--out', out, '--force', '--lang', 'zh-CN']);
    assert.equal(zh.stderr, `已写入 ${out}（1 个提交）\n`);
  });

  test('--help shows no empty-list or dot defaults, and lists the triage flags', () => {
    const { code, stdout } = cli(['--help']);
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, /\(default: \[\]\)|\(default: \.\)|default: \.\)/);
    for (const flag of ['--exclude-author', '--order', '--bot', '--web-url', '--web-kind']) assert.match(stdout, new RegExp(`${flag}\\b`));
  });

  test('an empty report names the last commit day and the command for it, in both languages', () => {
    const en = cli(['--repo', repo.dir, '--date', '2026-01-23', '--tz', 'UTC', '--format', 'json']);
    assert.equal(en.code, 0, en.stderr);
    assert.equal(en.stderr, 'no commits on 2026-01-23; the last was on 2026-01-21: daily-digest --date 2026-01-21\n');
    assert.equal((JSON.parse(en.stdout) as { repositories: { lastCommitDay?: string }[] }).repositories[0]?.lastCommitDay, '2026-01-21');
    const zh = cli(['--repo', repo.dir, '--since', '2026-01-24', '--until', '2026-01-25', '--tz', 'UTC', '--lang', 'zh-CN']);
    assert.equal(zh.stderr, '2026-01-24 至 2026-01-25 没有提交；最近一次提交在 2026-01-21：daily-digest --date 2026-01-21\n');
    const humans = cli(['--repo', repo.dir, '--date', '2026-01-23', '--tz', 'UTC', '--author', 'ada'], { LANG: 'zh_CN.UTF-8' });
    assert.match(humans.stderr, /最近一次提交在 2026-01-21/);
    const busy = cli(['--repo', repo.dir, '--date', '2026-01-21', '--tz', 'UTC', '--format', 'json']);
    assert.equal(busy.stderr, '', 'a day with commits has no hint');
  });

  test('--exclude-author, --bot and --order reach the report', () => {
    const { code, stdout, stderr } = cli(['--repo', repo.dir, '--date', '2026-01-21', '--tz', 'UTC', '--format', 'json',
      '--exclude-author', 'noreply.github.com', '--bot', 'release-robot', '--order', 'time']);
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout) as {
      order: string;
      repositories: { commits: { subject: string }[]; groups: { author: string; shas: string[] }[] }[];
    };
    assert.equal(report.order, 'time');
    const [read] = report.repositories;
    assert.deepEqual(read?.commits.map((commit) => commit.subject), ['fix: a is 2', 'chore: release 1.0.2', 'chore: release 1.0.1']);
    assert.deepEqual(read?.groups.map((group) => [group.author, group.shas.length]), [['release-robot', 2]]);
    const markdown = cli(['--repo', repo.dir, '--date', '2026-01-21', '--tz', 'UTC']);
    assert.match(markdown.stdout, /- \*\*renovate\\\[bot\\\]\*\*: 2 dependency updates \(syn 3\.0\.0, jiff 0\.2\.34\)\n/);
  });

  test('--web-url gives links to a repository whose remote does not say where its pages are', () => {
    const withKind = cli(['--repo', repo.dir, '--date', '2026-01-21', '--tz', 'UTC', '--format', 'json',
      '--web-url', 'https://code.example.com/team/widgets/', '--web-kind', 'gitea']);
    assert.equal(withKind.code, 0, withKind.stderr);
    const read = (JSON.parse(withKind.stdout) as { repositories: { webUrl: string; webKind: string; commits: { url: string }[] }[] }).repositories[0];
    assert.equal(read?.webUrl, 'https://code.example.com/team/widgets');
    assert.equal(read?.webKind, 'gitea');
    assert.match(read?.commits[0]?.url ?? '', /^https:\/\/code\.example\.com\/team\/widgets\/commit\/[0-9a-f]{40}$/);
    const guessed = cli(['--repo', repo.dir, '--date', '2026-01-21', '--tz', 'UTC', '--format', 'json', '--web-url', 'https://gitlab.example.com/team/widgets']);
    assert.match(guessed.stdout, /"url":"https:\/\/gitlab\.example\.com\/team\/widgets\/-\/commit\//);
  });

  test('--web-url mistakes are usage errors, said before any work', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--web-url', 'https://git.example.com/x'], /host name does not say what serves it; add --web-kind github\|gitlab\|gitea\|bitbucket\|azure/],
      [['--web-url', 'ftp://example.com/x', '--web-kind', 'github'], /must be an http\(s\) URL/],
      [['--web-url', 'https://user:pw@github.com/o/r'], /without a user name or password/],
      [['--web-kind', 'github'], /--web-kind needs --web-url/],
      [['--web-url', 'https://github.com/o/r', '--repo', recent.dir], /pass a single --repo with it/],
      [['--web-kind', 'sourcehut', '--web-url', 'https://x.test/o/r'], /Allowed choices are github, gitlab, gitea, bitbucket, azure/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = cli(['--repo', repo.dir, ...args]);
      assert.equal(code, 1, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, message);
    }
  });
});
