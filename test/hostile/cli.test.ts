// The command line against a hostile environment: no git, an old git, repository config that tries to run programs,
// a cancelled run, and a repository rewritten (gc, fetch) while it is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DAY, FixtureRepo, assertHealthy, at, findHtmlProblems, findMarkdownProblems, healthyRepo, personHeader, removeAll,
  reportOf, runCli, scriptDir, startCli, strayFiles, tempDir, writeRawCommit,
} from '../support/hostileFixtures.js';
import { isolatedGitEnv } from '../support/gitFixture.js';

const ARGS = ['--date', DAY, '--tz', 'UTC'];

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line on stderr:\n${stderr}`);
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
  return lines[0] ?? '';
}

test('git missing from PATH: one clear line, the report names it per repository, exit 2', async (t) => {
  const healthy = healthyRepo();
  const empty = tempDir('dd-nogit-');
  t.after(() => { healthy.cleanup(); removeAll(empty); });
  const result = runCli(['--repo', healthy.dir, ...ARGS, '--format', 'json'], { PATH: empty });
  assert.equal(result.code, 2);
  assert.equal(oneLine(result.stderr), `daily-digest: ${healthy.dir}: git was not found on PATH: install git 2.31 or newer.`);
  const report = JSON.parse(result.stdout) as { repositories: { error?: string; commits: unknown[] }[] };
  assert.equal(report.repositories[0]?.error, 'git was not found on PATH: install git 2.31 or newer.');
  // Markdown too: the report is still a well-formed page with the message in the repository section.
  const markdown = runCli(['--repo', healthy.dir, ...ARGS], { PATH: empty });
  assert.equal(markdown.code, 2);
  assert.match(markdown.stdout, /^> \*\*❌ Error\*\*: git was not found on PATH: install git 2\.31 or newer\.$/m);
  assert.deepEqual(findMarkdownProblems(markdown.stdout), []);
});

test('git too old (a fake git 2.20.0 first on PATH): one clear line, exit 2, nothing else is run', async (t) => {
  const healthy = healthyRepo();
  const fakes = scriptDir('dd-oldgit-', {
    // simple-git puts `-c` overrides before `--version`.
    git: `echo "$@" >> "${'$'}(dirname "$0")/calls.log"\nfor a in "$@"; do [ "$a" = --version ] && echo "git version 2.20.0" && exit 0; done\nexit 1`,
  });
  t.after(() => { healthy.cleanup(); removeAll(fakes); });
  const result = runCli(['--repo', healthy.dir, ...ARGS, '--format', 'json'], { PATH: `${fakes}:${process.env.PATH ?? ''}` });
  assert.equal(result.code, 2, result.stderr);
  assert.equal(oneLine(result.stderr), `daily-digest: ${healthy.dir}: git 2.20.0 is too old: install git 2.31 or newer.`);
  assert.equal((JSON.parse(result.stdout) as { repositories: { error?: string }[] }).repositories[0]?.error,
    'git 2.20.0 is too old: install git 2.31 or newer.');
  const calls = readFileSync(join(fakes, 'calls.log'), 'utf8').trim().split('\n');
  assert.ok(calls.every((call) => /--version/.test(call)), `only the version was asked: ${calls.join(' | ')}`);
});

test('repository config and attributes that try to run programs never run, in a full CLI run to md, json and html', async (t) => {
  const repo = FixtureRepo.create({ prefix: 'dd-traps-' });
  const healthy = healthyRepo();
  const markers = tempDir('dd-markers-');
  const out = tempDir('dd-traps-out-');
  t.after(() => { repo.cleanup(); healthy.cleanup(); removeAll(markers, out); });
  const script = (name: string): string => {
    const path = join(markers, `${name}.sh`);
    writeFileSync(path, `#!/bin/sh\ntouch "${markers}/${name}.ran"\ncat\n`);
    chmodSync(path, 0o755);
    return path;
  };
  repo.write('.gitattributes', '* diff=conv filter=evil\n.github/** diff=conv\n').write('a.txt', 'one\n')
    .commit('chore: traps', { date: at('01:00') });
  repo.write('a.txt', 'two\n').write('.github/workflows/ci.yml', 'on: pull_request_target\npermissions: write-all\n')
    .write('package.json', '{"dependencies":{"x":"^2.0.0"}}\n').write('src/defaults.ts', 'export const DEFAULT_X = 2;\n')
    .commit('feat!: change defaults, deps and CI', { date: at('02:00') });
  // A commit carrying a (fake) signature: with log.showSignature and gpg.program, plain `git log` runs the program.
  repo.write('b.txt', 'signed\n');
  writeRawCommit(repo, [
    personHeader('author', Buffer.from('Eve'), at('03:00')), personHeader('committer', Buffer.from('Eve'), at('03:00')),
    Buffer.from('gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----'),
  ], Buffer.from('fix: signed commit\n'));
  for (const [key, name] of [
    ['core.fsmonitor', 'fsmonitor'], ['diff.external', 'external'], ['core.pager', 'pager'], ['pager.log', 'pagerlog'],
    ['pager.show', 'pagershow'], ['diff.conv.textconv', 'textconv'], ['diff.conv.command', 'diffcommand'],
    ['filter.evil.smudge', 'smudge'], ['filter.evil.clean', 'clean'], ['filter.evil.process', 'process'],
    ['gpg.program', 'gpg'], ['gpg.openpgp.program', 'gpg2'], ['core.sshCommand', 'ssh'], ['core.askPass', 'askpass'],
    ['core.editor', 'editor'], ['sequence.editor', 'seqeditor'], ['credential.helper', 'credential'],
  ] as const) repo.git(['config', key, script(name)]);
  repo.git(['config', 'log.showSignature', 'true']);
  repo.git(['config', 'core.hooksPath', markers]);
  repo.git(['config', 'remote.origin.url', `ext::sh -c touch% ${markers}/ext.ran`]);
  for (const hook of ['post-checkout', 'pre-commit', 'post-index-change', 'reference-transaction', 'pre-auto-gc']) {
    writeFileSync(join(markers, hook), `#!/bin/sh\ntouch "${markers}/hook-${hook}.ran"\n`);
    chmodSync(join(markers, hook), 0o755);
  }
  // The traps are live: plain git runs them.
  repo.git(['log', '-1']);
  assert.ok(existsSync(join(markers, 'gpg2.ran')), 'plain git log runs gpg.openpgp.program');
  for (const file of readdirSync(markers).filter((f) => f.endsWith('.ran'))) removeAll(join(markers, file));

  const ran = (): string[] => readdirSync(markers).filter((f) => f.endsWith('.ran'));
  for (const format of ['md', 'json', 'html'] as const) {
    const file = join(out, `report.${format}`);
    const result = runCli(['--repo', repo.dir, '--repo', healthy.dir, ...ARGS, '--out', file]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(ran(), [], `${format}: a trap ran`);
    const text = readFileSync(file, 'utf8');
    for (const subject of ['fix: signed commit', 'feat!: change defaults, deps and CI', 'chore: traps', 'feat: healthy two']) {
      assert.ok(text.includes(subject), `${format} lists ${subject}`);
    }
    if (format === 'md') assert.deepEqual(findMarkdownProblems(text), []);
    if (format === 'html') assert.deepEqual(findHtmlProblems(text), []);
    if (format === 'json') {
      const report = JSON.parse(text) as { repositories: { webUrl?: string; commits: { subject: string; analysis: { importance: string } }[] }[] };
      assert.equal(report.repositories[0]?.webUrl, undefined, 'an ext:: remote is no web link');
      // The diff-reading checks still worked (they read with --no-ext-diff --no-textconv).
      assert.equal(report.repositories[0]?.commits.find((c) => c.subject.startsWith('feat!'))?.analysis.importance, 'high');
    }
  }
  assert.deepEqual(ran(), []);
});

test('a cancelled run (SIGINT while reading a big repository) leaves no output or temp files and says "Cancelled."', async (t) => {
  const repo = FixtureRepo.create({ prefix: 'dd-cancel-' });
  const out = tempDir('dd-cancel-out-');
  t.after(() => { repo.cleanup(); removeAll(out); });
  // 20,000 commits in the window, each touching 5 files, through fast-import (seconds, not minutes).
  const start = Date.parse(at('00:00')) / 1000;
  const parts: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const time = start + i;
    const message = `feat: step ${String(i).padStart(5, '0')}\n`;
    parts.push(`commit refs/heads/main\ncommitter A <a@example.com> ${time} +0000\ndata ${message.length}\n${message}`);
    for (let f = 0; f < 5; f++) parts.push(`M 100644 inline src/m${f}/f${i % 50}.ts\ndata ${String(i).length + 1}\n${i}\n`);
    parts.push('\n');
  }
  const { execFileSync } = await import('node:child_process');
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo.dir, input: parts.join(''), env: isolatedGitEnv(), maxBuffer: 1 << 30 });
  repo.git(['reset', '-q', '--hard', 'main']);

  const target = join(out, 'report.md');
  const run = startCli(['--repo', repo.dir, ...ARGS, '--out', target]);
  // Progress appears once the run has taken a second: it is then reading or analyzing.
  const deadline = Date.now() + 60_000;
  while (!run.stderrSoFar().includes('daily-digest: ') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.ok(run.stderrSoFar().includes('daily-digest: '), 'the run showed progress');
  run.child.kill('SIGINT');
  const result = await run.done;
  assert.notEqual(result.code, 0);
  assert.equal(result.code, 130, result.stderr);
  assert.match(result.stderr, /^daily-digest: Cancelled\.$/m);
  assert.doesNotMatch(result.stderr, /^\s+at /m);
  assert.deepEqual(strayFiles(out), [], 'no report and no temp file');
  assert.equal(result.stdout, '');
});

test('a concurrent git gc --prune=now and git fetch while reading: each run completes or fails with one clear line', async (t) => {
  const upstream = FixtureRepo.create({ prefix: 'dd-up-' });
  const repo = tempDir('dd-busy-');
  const healthy = healthyRepo();
  t.after(() => { upstream.cleanup(); removeAll(repo); healthy.cleanup(); });
  for (let i = 0; i < 60; i++) upstream.write(`f${i % 7}.txt`, `${i}\n`).commit(`feat: change ${i}`, { date: at(`0${Math.floor(i / 10)}:${String(i % 60).padStart(2, '0')}`) });
  upstream.git(['clone', '-q', `file://${upstream.dir}`, repo]);
  const local = FixtureRepo.at(repo);
  const run = (args: string[]): Promise<number | null> => new Promise((resolve) => {
    const child = spawn('git', args, { cwd: repo, env: isolatedGitEnv(), stdio: 'ignore' });
    child.on('close', resolve);
  });
  const clearFailure = /^(Git objects are missing \(.+\): the clone is partial or broken; run git fetch to fill it\.|git failed: .+)$/;
  let completed = 0;
  for (let round = 0; round < 5; round++) {
    upstream.write('round.txt', `${round}\n`).commit(`fix: round ${round}`, { date: at(`07:${String(round).padStart(2, '0')}`) });
    const [report] = await Promise.all([
      reportOf([repo, healthy.dir], { ref: 'HEAD' }),
      run(['gc', '--prune=now', '--quiet']),
      run(['fetch', '-q', 'origin', '+refs/heads/*:refs/remotes/origin/*']),
      run(['-c', 'gc.auto=1', 'gc', '--auto', '--quiet']),
    ]);
    const busy = report.repositories[0];
    if (busy?.error === undefined) {
      completed++;
      assert.equal(busy?.commits.length, 60, `round ${round}: every commit of HEAD`);
    } else {
      assert.match(busy.error, clearFailure, `round ${round}`);
    }
    assertHealthy(report.repositories[1]);
  }
  assert.ok(completed >= 1, 'at least one round completed');
  // The repository is still fine afterwards.
  assert.equal(local.git(['fsck', '--no-progress', '--connectivity-only']).trim(), '');
});
