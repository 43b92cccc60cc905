import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FixtureRepo } from '../support/gitFixture.js';

const CLI = resolve('src/cli/program.ts');
/** The CLI's caches (walk index, model analyses) go here, never into the user's ~/.cache. */
const CACHE_HOME = mkdtempSync(join(tmpdir(), 'dd-cli-cache-'));
process.on('exit', () => rmSync(CACHE_HOME, { recursive: true, force: true }));

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: '', LANG: 'C', XDG_CACHE_HOME: CACHE_HOME, ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function assertNoStackTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /^\s+at .+\(.*:\d+:\d+\)$/m, `stack trace on stderr:\n${stderr}`);
}

describe('daily-digest command line', () => {
  let repo: FixtureRepo;
  let other: FixtureRepo;
  let outDir: string;

  before(() => {
    repo = FixtureRepo.create({ prefix: 'dd-cli-' });
    repo.git(['remote', 'add', 'origin', 'git@github.com:acme/widgets.git']);
    repo.write('src/auth/session.ts', 'export const ttl = 60;\n');
    repo.commit('feat(auth): add session expiry', { date: '2026-01-22T09:00:00+08:00' });
    repo.write('README.md', '# widgets\n');
    repo.commit('docs: explain widgets', { date: '2026-01-22T10:30:00+08:00' });
    repo.write('src/auth/session.ts', 'export const ttl = 30;\n');
    repo.commit('fix: shorter ttl', { date: '2026-01-23T10:30:00+08:00' });
    other = FixtureRepo.create({ prefix: 'dd-cli-other-' });
    other.write('a.txt', 'a\n');
    other.commit('chore: first', { date: '2026-01-22T12:00:00+08:00' });
    outDir = mkdtempSync(join(tmpdir(), 'dd-cli-out-'));
  });

  after(() => {
    repo.cleanup();
    other.cleanup();
  });

  test('--help explains every flag and exits 0', () => {
    const { code, stdout } = runCli(['--help']);
    assert.equal(code, 0);
    for (const flag of ['--repo', '--date', '--since', '--until', '--tz', '--ref', '--date-field', '--merges', '--author', '--path', '--lang', '--format', '--out', '--force', '--analyzer', '--base-url', '--model', '--api-key-env']) {
      assert.match(stdout, new RegExp(`${flag}\\b`), `help lacks ${flag}`);
    }
  });

  test('writes the day as JSON with only that day\'s commits, newest first', () => {
    const { code, stdout, stderr } = runCli(['--repo', repo.dir, '--date', '2026-01-22', '--tz', 'Asia/Shanghai', '--format', 'json']);
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout);
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.window.timeZone, 'Asia/Shanghai');
    assert.equal(report.repositories[0].name, 'acme/widgets');
    assert.deepEqual(report.repositories[0].commits.map((c: { subject: string }) => c.subject), ['docs: explain widgets', 'feat(auth): add session expiry']);
    assert.match(report.repositories[0].commits[0].url, /^https:\/\/github\.com\/acme\/widgets\/commit\/[0-9a-f]{40}$/);
  });

  test('writes Chinese Markdown to --out, and refuses to overwrite it without --force', () => {
    const out = join(outDir, 'report.md');
    const first = runCli(['--repo', repo.dir, '--date', '2026-01-22', '--tz', 'Asia/Shanghai', '--lang', 'zh-CN', '--out', out]);
    assert.equal(first.code, 0, first.stderr);
    const text = readFileSync(out, 'utf8');
    assert.match(text, /^# 每日更新报告（2026-01-22）/);
    writeFileSync(out, 'keep me');
    const second = runCli(['--repo', repo.dir, '--date', '2026-01-22', '--out', out]);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /already exists: pass --force/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    const third = runCli(['--repo', repo.dir, '--date', '2026-01-22', '--tz', 'Asia/Shanghai', '--out', out, '--force']);
    assert.equal(third.code, 0, third.stderr);
    assert.match(readFileSync(out, 'utf8'), /feat\(auth\): add session expiry/);
    assert.deepEqual(readdirSync(outDir).filter((name) => name.endsWith('.tmp')), [], 'no temp files left');
  });

  test('the format follows the --out extension', () => {
    const out = join(outDir, 'report.html');
    const { code, stderr } = runCli(['--repo', repo.dir, '--date', '2026-01-22', '--tz', 'Asia/Shanghai', '--out', out]);
    assert.equal(code, 0, stderr);
    assert.match(readFileSync(out, 'utf8'), /^<!DOCTYPE html>/i);
  });

  test('a failing repository is reported in its section, the others still are, and the exit code is 2', () => {
    const notRepo = mkdtempSync(join(tmpdir(), 'dd-not-a-repo-'));
    const { code, stdout, stderr } = runCli(['--repo', notRepo, '--repo', other.dir, '--date', '2026-01-22', '--tz', 'Asia/Shanghai', '--format', 'json']);
    assert.equal(code, 2, stderr);
    const report = JSON.parse(stdout);
    assert.match(report.repositories[0].error, /is not a git repository/);
    assert.equal(report.repositories[1].error, undefined);
    assert.equal(report.repositories[1].commits.length, 1);
  });

  for (const [args, message] of [
    [['--date', '2026-13-45'], /Bad date "2026-13-45"/],
    [['--tz', 'Mars/Olympus'], /Unknown time zone "Mars\/Olympus"/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['--merges', 'sometimes'], /sometimes/],
    [['--lang', 'fr'], /--lang must be en or zh-CN/],
    [['--date', 'today', '--since', '7d'], /--date cannot be combined/],
    [['stray'], /unexpected argument "stray"/],
  ] as const) {
    test(`usage error ${args.join(' ')} exits 1 with one line`, () => {
      const { code, stderr } = runCli(['--repo', repo.dir, ...args]);
      assert.equal(code, 1);
      assert.match(stderr, message);
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assertNoStackTrace(stderr);
    });
  }

  test('an unknown ref names the ref and exits 2', () => {
    const { code, stdout } = runCli(['--repo', repo.dir, '--ref', 'origin/nope', '--date', '2026-01-22', '--format', 'json']);
    assert.equal(code, 2);
    assert.match(JSON.parse(stdout).repositories[0].error, /Unknown ref "origin\/nope"/);
  });

  test('relative --repo and --out resolve against the folder npm was run from', () => {
    const out = 'relative.json';
    const { code, stderr } = runCli(['--repo', '.', '--date', '2026-01-22', '--tz', 'Asia/Shanghai', '--out', out], { INIT_CWD: repo.dir });
    assert.equal(code, 0, stderr);
    assert.ok(existsSync(join(repo.dir, out)));
  });
});

describe('daily-digest walk index', () => {
  test('a run keeps its history walk under XDG_CACHE_HOME and a second run gives the same report; --no-cache writes none', (t) => {
    const repo = FixtureRepo.create({ prefix: 'dd-cli-index-' });
    const cacheHome = mkdtempSync(join(tmpdir(), 'dd-cli-index-cache-'));
    t.after(() => {
      repo.cleanup();
      rmSync(cacheHome, { recursive: true, force: true });
    });
    repo.write('a.txt', '1\n').commit('feat: one', { date: '2026-01-22T09:00:00Z' });
    const args = ['--repo', repo.dir, '--date', '2026-01-22', '--tz', 'UTC', '--format', 'json', '--quiet'];
    const walkIndex = join(cacheHome, 'daily-digest', 'walk-index');
    const noCache = runCli([...args, '--no-cache'], { XDG_CACHE_HOME: cacheHome });
    assert.equal(noCache.code, 0, noCache.stderr);
    assert.equal(existsSync(walkIndex), false, '--no-cache wrote a walk index');
    const first = runCli(args, { XDG_CACHE_HOME: cacheHome });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(readdirSync(walkIndex).filter((name) => name.endsWith('.walk')).length, 1);
    repo.write('a.txt', '2\n').commit('fix: two', { date: '2026-01-22T10:00:00Z' });
    const second = runCli(args, { XDG_CACHE_HOME: cacheHome });
    assert.equal(second.code, 0, second.stderr);
    const subjects = (stdout: string): string[] =>
      (JSON.parse(stdout) as { repositories: { commits: { subject: string }[] }[] }).repositories[0]!.commits.map((c) => c.subject);
    assert.deepEqual(subjects(noCache.stdout), ['feat: one']);
    assert.deepEqual(subjects(first.stdout), ['feat: one']);
    assert.deepEqual(subjects(second.stdout), ['fix: two', 'feat: one']);
  });

  test('a slow reader gets the whole report; one that stops early (| head) ends the run quietly with exit code 0', (t) => {
    const repo = FixtureRepo.create({ prefix: 'dd-cli-epipe-' });
    t.after(() => repo.cleanup());
    // 3000 files make a report far larger than a pipe holds, so the write waits for the reader or meets the closed pipe.
    for (let i = 0; i < 3000; i++) repo.write(`src/module${i % 30}/file${i}.ts`, `export const v${i} = ${i};\n`);
    repo.commit('feat: many files', { date: '2026-01-22T09:00:00Z' });
    const run = `"${process.execPath}" --import tsx "${CLI}" --repo "${repo.dir}" --date 2026-01-22 --tz UTC --format json --quiet`;
    const shell = (command: string) => spawnSync('bash', ['-c', command], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, INIT_CWD: '', LANG: 'C', XDG_CACHE_HOME: CACHE_HOME },
    });
    const early = shell(`${run} | head -c 20; echo " status=\${PIPESTATUS[0]}"`);
    assert.equal(early.stdout, '{\n  "schemaVersion": status=0\n');
    assert.equal(early.stderr, '');
    const slow = shell(`${run} | (sleep 0.5; cat); echo "status=\${PIPESTATUS[0]}"`);
    assert.equal(slow.stderr, '');
    assert.match(slow.stdout, /\nstatus=0\n$/);
    const report = JSON.parse(slow.stdout.slice(0, slow.stdout.lastIndexOf('status='))) as { repositories: { commits: { files: unknown[] }[] }[] };
    assert.ok(slow.stdout.length > 256 * 1024, `a report of ${slow.stdout.length} characters is larger than a pipe`);
    assert.equal(report.repositories[0]!.commits[0]!.files.length, 3000);
  });
});
