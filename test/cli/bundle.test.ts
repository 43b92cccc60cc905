import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FixtureRepo } from '../support/gitFixture.js';

// The built command (scripts/build.mjs): dist/cli.js, a loader that runs the minified dist/cli.bundle.js through a
// V8 code cache kept in the cache folder. Built here into a temp folder, not dist/.

describe('the built command line (loader, bundle, code cache)', () => {
  let out: string;
  let cacheHome: string;
  let repo: FixtureRepo;

  before(() => {
    out = mkdtempSync(join(tmpdir(), 'dd-bundle-'));
    cacheHome = mkdtempSync(join(tmpdir(), 'dd-bundle-cache-'));
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--only', 'cli', '--outdir', out], { encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    repo = FixtureRepo.create({ prefix: 'dd-bundle-repo-' });
    repo.write('src/auth/session.ts', 'export const ttl = 60;\n');
    repo.commit('feat(auth): add session expiry', { date: '2026-01-22T09:00:00+08:00' });
    repo.write('README.md', '# widgets\n');
    repo.commit('docs: explain widgets', { date: '2026-01-22T10:30:00+08:00' });
  });

  after(() => {
    repo.cleanup();
    rmSync(out, { recursive: true, force: true });
    rmSync(cacheHome, { recursive: true, force: true });
  });

  const codeCache = (): string => join(cacheHome, 'daily-digest', 'code-cache');
  const cacheFiles = (): string[] => (existsSync(codeCache()) ? readdirSync(codeCache()).sort() : []);
  const run = (args: string[], options: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {}) => {
    const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), join(out, 'cli.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: cacheHome, INIT_CWD: '', LANG: 'C', ...options.env },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const day = ['--date', '2026-01-22', '--tz', 'Asia/Shanghai', '--format', 'json', '--quiet'];
  const report = (stdout: string): unknown => ({ ...JSON.parse(stdout), generatedAt: undefined });

  test('the bundle names its content hash on its first line, and its source map still points into src/', () => {
    const bundle = readFileSync(join(out, 'cli.bundle.js'), 'utf8');
    assert.match(bundle.split('\n')[0]!, /^\/\*! daily-digest cli [0-9a-f]{16} \*\/$/);
    const map = JSON.parse(readFileSync(join(out, 'cli.bundle.js.map'), 'utf8')) as { sources: string[] };
    assert.ok(map.sources.some((source) => source.endsWith('src/cli/program.ts')));
    assert.equal(statSync(join(out, 'cli.js')).mode & 0o111, 0o111);
  });

  test('--version and --help run without writing a cache', () => {
    assert.deepEqual(run(['--version']), { code: 0, stdout: '0.1.0\n', stderr: '' });
    assert.match(run(['--help']).stdout, /--repo <path>/);
    assert.equal(run(['--bogus']).code, 1);
    assert.deepEqual(cacheFiles(), []);
  });

  test('a report run writes the cache; the next run uses it and reports the same', () => {
    const first = run(['--repo', repo.dir, '--no-cache', ...day]);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(cacheFiles(), [], '--no-cache writes no code cache');

    const second = run(['--repo', repo.dir, ...day]);
    assert.equal(second.code, 0, second.stderr);
    const id = /daily-digest cli ([0-9a-f]{16})/.exec(readFileSync(join(out, 'cli.bundle.js'), 'utf8'))![1];
    const name = `cli-${id}-${process.version}-${process.arch}.bin`;
    assert.ok(cacheFiles().includes(name), `expected ${name} in ${cacheFiles().join(', ')}`);
    const written = readFileSync(join(codeCache(), name));

    const third = run(['--repo', repo.dir, ...day]);
    assert.equal(third.code, 0, third.stderr);
    assert.deepEqual(readFileSync(join(codeCache(), name)), written, 'an accepted cache is not written again');
    assert.deepEqual(report(third.stdout), report(first.stdout));
    assert.deepEqual(report(second.stdout), report(first.stdout));
    assert.equal((report(first.stdout) as { repositories: { commits: unknown[] }[] }).repositories[0]!.commits.length, 2);
  });

  test('a damaged cache is refused by V8 and replaced; the run is unaffected', () => {
    const name = cacheFiles().find((file) => file.endsWith('.bin'))!;
    writeFileSync(join(codeCache(), name), 'not a code cache');
    const result = run(['--repo', repo.dir, ...day]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(readFileSync(join(codeCache(), name)).length > 1000);
  });

  test('keeps only the newest few cache files', () => {
    for (let i = 0; i < 6; i++) writeFileSync(join(codeCache(), `cli-${String(i).repeat(16)}-old.bin`), 'x');
    rmSync(join(codeCache(), cacheFiles().find((file) => !file.includes('-old'))!));
    assert.equal(run(['--repo', repo.dir, ...day]).code, 0);
    assert.equal(cacheFiles().length, 4);
  });

  test('with --enable-source-maps Node loads the bundle itself; errors keep their one-line message', () => {
    const result = run(['--repo', join(repo.dir, 'missing'), ...day], { nodeArgs: ['--enable-source-maps'] });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^daily-digest: .*missing/m);
    assert.doesNotMatch(result.stderr, /^\s+at /m);
  });

  test('runs through a bin symlink from another folder: the loader finds the bundle beside itself', () => {
    const bin = mkdtempSync(join(tmpdir(), 'dd-bundle-bin-'));
    try {
      symlinkSync(resolve(out, 'cli.js'), join(bin, 'daily-digest'));
      const result = spawnSync(join(bin, 'daily-digest'), ['--version'], { encoding: 'utf8', cwd: tmpdir() });
      assert.equal(result.stdout, '0.1.0\n', result.stderr);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
